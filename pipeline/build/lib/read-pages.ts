import { availableParallelism } from 'node:os';
import { VFile } from 'vfile';
import type { CurationIndex, EntityRef, PageRecords } from '../../extract/index.js';
import { fileWithError, reportError, reportWarning } from '../../model/lib/diagnostics.js';
import type { Curation } from '../../model/types.js';
import { documentIdFor } from '../../parse/index.js';
import type { PageCache } from './cache.js';
import { tooLarge } from './limits.js';
import { limitOptions, pageMemory, type Limits } from './options.js';
import { StringPool } from './intern.js';
import { summaryOf, type PageMessage, type PageNamed, type PageOutcome, type PageReadOutcome, type PageTask } from './page-task.js';
import { PagePool, type PoolFailure } from './pool.js';
import type { RecordStore } from './record-store.js';
import { displayPath, readBytes, relativePath, type PageSource } from './sources.js';

/** A page as read: the file its messages are on, and, when it could be read, its outcome (records included when the page is valid). */
export interface PageRead {
  file: VFile;
  relative?: string;
  /** The outcome whole, unless its records went to the store (see ReadOptions.store). */
  outcome?: PageOutcome;
  /** With a store: the page's messages, what it names and what it refers to (its records stay in the store). */
  kept?: { messages: PageMessage[]; named?: PageNamed; references?: EntityRef[] };
  /** The page's cache key: a hash of everything its outcome depends on (when the build has a cache). */
  key?: string;
}

export interface ReadOptions {
  source: string;
  curation: Curation;
  /** Records which curated entries the pages used, for the report of unused ones. */
  curationIndex: CurationIndex;
  limits: Limits;
  cache?: PageCache;
  /** Outcomes taken from shard outputs (the merge) instead of reading the pages. */
  fromShards?: ReadonlyMap<string, PageOutcome>;
  progress?: (done: number, total: number) => void;
  /** Where each page's records go once read: the reads then carry only what the pages name. */
  store?: RecordStore;
  /**
   * Each page's cache key, by its path relative to the source folder, made already (see pageKeys): a
   * page whose summary the cache holds under it is not read again. Only for pages that all passed the
   * checks pageKeys makes (size, repeated ids).
   */
  keys?: ReadonlyMap<string, string>;
}

export type { PageNamed };

/** A page ready to be read (its task, unless its outcome is known) or the error that stops it being read at all. */
type Prepared = { file: VFile; relative?: undefined } | { relative: string; shown: string; task?: PageTask; key?: string };

/**
 * Prepares each page in turn: refuses one over the size limit or with another page's id, else, unless
 * its outcome is known already (`known`), reads its bytes into a task and, with a cache, computes its
 * key; or, for its key alone (`keyOnly`), takes the key from the hash of its bytes a build made before
 * when its file is as it was then (see ContentHashes), without reading it. Ids are claimed in the order
 * pages come.
 */
function preparer(options: Pick<ReadOptions, 'source' | 'curation' | 'limits' | 'cache'>): (page: PageSource, how?: { known?: boolean; keyOnly?: boolean }) => Promise<Prepared> {
  const { source, curation, limits, cache } = options;
  const documentPaths = new Map<string, string>();
  return async ({ path, size, identity }, { known = false, keyOnly = false } = {}) => {
    const relative = relativePath(source, path);
    // Messages name the file as the user would type it: relative to the working folder.
    const shown = displayPath(path);
    if (size > limits.maxFileSize) return { file: tooLarge(shown, size, limits) };
    const documentId = documentIdFor(relative);
    const earlier = documentPaths.get(documentId);
    if (earlier) return { file: fileWithError(shown, `Page has the same id \`${documentId}\` as \`${earlier}\`: rename one of the files`, 'duplicate-id') };
    documentPaths.set(documentId, relative);
    if (known) return { relative, shown };
    const knownKey = keyOnly ? cache?.knownKey(relative, identity, curation, limits.maxDepth) : undefined;
    if (knownKey !== undefined) return { relative, shown, key: knownKey };
    const task: PageTask = {
      shownPath: shown,
      relativePath: relative,
      bytes: await readBytes(path, size),
      curation,
      maxDepth: limits.maxDepth,
      raiseDepth: limitOptions.maxDepth,
      ...(cache ? { cityTablesAt: cache.cityTablesPath } : {}),
    };
    return { relative, shown, task, ...(cache ? { key: cache.key(task, identity) } : {}) };
  };
}

/**
 * Every page's cache key, in the pages' order, without reading any outcome: what a build compares with
 * its last one's before deciding to read anything more. Undefined when a page could not be read at
 * all (over the size limit, a repeated id): such a build fails, and is not kept.
 */
export async function pageKeys(
  pages: readonly PageSource[],
  options: Pick<ReadOptions, 'source' | 'curation' | 'limits'> & { cache: PageCache; onFirstMissing?: () => void },
): Promise<PageKey[] | undefined> {
  const prepare = preparer(options);
  const keys: PageKey[] = new Array(pages.length);
  let missing = false;
  // The pages most recently modified first: a page changed since the last build is most likely among
  // them, and found at once, not after most of 10,000 pages are hashed (see onFirstMissing). Whether a
  // page fails (too large, an id another has) does not depend on the order: the keys are all or none.
  const order = [...pages.keys()].sort((a, b) => (pages[b]!.modified ?? 0) - (pages[a]!.modified ?? 0) || a - b);
  // A batch of pages read at once (a rebuild of 10,000 pages waited on each read in turn).
  for (let start = 0; start < order.length; start += keyBatch) {
    const batch = order.slice(start, start + keyBatch);
    const prepared = await Promise.all(batch.map((index) => prepare(pages[index]!, { keyOnly: true })));
    for (const [place, page] of prepared.entries()) {
      if (page.relative === undefined || page.key === undefined) return undefined;
      keys[batch[place]!] = { relative: page.relative, key: page.key };
      // Told once, as soon as a page's summary is not in the cache's pack: it will have to be read.
      if (!missing && options.onFirstMissing && !(await options.cache.holdsSummary(page.key))) {
        missing = true;
        options.onFirstMissing();
      }
    }
  }
  return keys;
}

/** Pages whose bytes pageKeys reads at once. */
const keyBatch = 32;

/** A page's path relative to the source folder and its cache key. */
export interface PageKey {
  relative: string;
  key: string;
}

/**
 * Reads every page, in the pages' order: from the shard outputs when merging, else from the cache when
 * the page, its curation and the code are unchanged, else in the pool of page workers. A page over the
 * size limit or with another page's id is not read at all.
 */
export async function readPages(pages: readonly PageSource[], options: ReadOptions): Promise<{ read: PageRead[]; fromCache: number }> {
  const { source, curationIndex, limits, cache, fromShards } = options;
  const pool = poolFor(limits);
  const prepare = preparer(options);
  let fromCache = 0;
  let pagesDone = 0;
  // Pages whose keys are known and whose summaries the cache does not hold are read first: the page
  // workers start at once and read them while the summaries of the others are read here. (With keys
  // known, no two pages share an id, so the order they claim ids in does not matter.)
  const first = options.keys && cache ? await missing(pages, options.keys, source, cache) : undefined;
  // The summaries of pages read afresh (a cold build's, all of them) are held until every page is
  // read: their strings are held once each (at 10,000 pages, 200 MB of summaries become 117 MB). Not
  // those read from the cache: a rebuild reads 10,000 of them at once, and that is its critical path.
  const strings = new StringPool();
  const read = await mapInOrder(pages, pool.size * 2, first, async (page): Promise<PageRead> => {
    let outcome = fromShards?.get(relativePath(source, page.path));
    const known = options.keys?.get(relativePath(source, page.path));
    // A page whose key is known and whose summary is in the cache is not read (its bytes were, for the key).
    const summaryOfKnown = known !== undefined && options.store && outcome === undefined ? await cache?.summary(known) : undefined;
    const prepared = summaryOfKnown ? { relative: relativePath(source, page.path), shown: displayPath(page.path), task: undefined, key: known } : await prepare(page, { known: outcome !== undefined });
    if (prepared.relative === undefined) return { file: prepared.file };
    const { relative, shown, task, key } = prepared;
    const keyed = key !== undefined ? { key } : {};
    const finished = (messages: readonly PageMessage[], curationUsed: readonly string[]) => {
      curationIndex.markUsed(curationUsed);
      options.progress?.(++pagesDone, pages.length);
      return fileWithMessages(shown, messages);
    };
    // With a store, a page in the cache is read by its summary alone: its records stay where they are.
    const summary = summaryOfKnown ?? (options.store && task && key !== undefined ? await cache?.summary(key) : undefined);
    if (summary) {
      fromCache++;
      if (summary.named) await options.store!.put(relative, undefined, key, true);
      return { file: finished(summary.messages, summary.curationUsed), relative, kept: summary, ...keyed };
    }
    // A page read afresh comes as its summary and its records' JSON (see readOutcomeOf).
    let read: PageReadOutcome | undefined;
    let cached = false;
    if (!outcome && task) {
      outcome = key === undefined || options.store ? undefined : await cache?.get(key);
      if (outcome) fromCache++;
      else {
        const result = await pool.run(task);
        if ('failure' in result) return { file: overLimit(shown, result, limits) };
        read = result;
        if (key !== undefined) await cache?.set(key, read);
      }
      cached = key !== undefined && cache !== undefined;
    }
    if (read && options.store) {
      const file = finished(read.summary.messages, read.summary.curationUsed);
      if (read.recordsJson !== undefined) await options.store.put(relative, read.recordsJson, key, cached);
      return { file, relative, kept: strings.intern(read.summary), ...keyed };
    }
    // Without a store (a shard's build), a page's outcome is kept whole, its records as objects.
    if (read) outcome = { messages: read.summary.messages, curationUsed: read.summary.curationUsed, ...(read.recordsJson !== undefined ? { records: JSON.parse(new TextDecoder().decode(read.recordsJson)) as PageRecords } : {}) };
    if (!outcome) throw new Error(`no outcome for ${relative}`);
    const file = finished(outcome.messages, outcome.curationUsed);
    if (!options.store) return { file, relative, outcome, ...keyed };
    // With a store, an outcome given whole is a shard output's: the store takes the records from there.
    if (outcome.records) await options.store.put(relative, undefined, key, cached);
    return { file, relative, kept: strings.intern(summaryOf(outcome)), ...keyed };
  });
  return { read, fromCache };
}

/** One pool of page workers per time limit, kept for the life of the process: starting workers costs more than reading a page. */
const pools = new Map<number, PagePool>();

export function poolFor(limits: Limits): PagePool {
  let pool = pools.get(limits.parseTimeout);
  if (!pool) {
    pool = new PagePool({ size: availableParallelism(), timeout: limits.parseTimeout, maxMemory: pageMemory });
    pools.set(limits.parseTimeout, pool);
  }
  return pool;
}

/** How many page workers are alive, in every pool. */
export function runningPageWorkers(): number {
  return [...pools.values()].reduce((sum, pool) => sum + pool.running, 0);
}

/** Stops the idle page workers of every pool (see PagePool.recycle). */
export async function recyclePagePools(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.recycle()));
}

/** Stops every page worker; a later build starts new ones. */
export async function closePagePools(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
}

/** A page's messages, computed in a worker or read from the cache, on a file named as the user would type it. */
export function fileWithMessages(path: string, messages: readonly PageMessage[]): VFile {
  const file = new VFile({ path });
  reportMessages(file, messages);
  return file;
}

/** Reports messages kept as plain data on a file. */
export function reportMessages(file: VFile, messages: readonly PageMessage[]): void {
  for (const message of messages) {
    const place =
      message.line === undefined
        ? undefined
        : message.endLine === undefined
          ? { line: message.line, column: message.column ?? 1 }
          : { start: { line: message.line, column: message.column ?? 1 }, end: { line: message.endLine, column: message.endColumn ?? 1 } };
    (message.fatal ? reportError : reportWarning)(file, message.reason, place, message.ruleId);
  }
}

/** The error for a page that took too long or needed too much memory to read. */
export function overLimit(path: string, failure: PoolFailure, limits: Limits): VFile {
  return failure.failure === 'timeout'
    ? fileWithError(path, `Reading the page took longer than ${limits.parseTimeout / 1000} s, the limit: simplify its Markdown, or raise the limit with ${limitOptions.parseTimeout}`, 'limit-parse-time')
    : fileWithError(path, `Reading the page needs more than ${pageMemory} MB of memory: split the page into smaller ones`, 'limit-memory');
}

/** The pages whose known keys the cache's pack of summaries lacks, by index. */
async function missing(pages: readonly PageSource[], keys: ReadonlyMap<string, string>, source: string, cache: PageCache): Promise<Set<number>> {
  const indexes = new Set<number>();
  for (const [index, page] of pages.entries()) {
    const key = keys.get(relativePath(source, page.path));
    if (key === undefined || !(await cache.holdsSummary(key))) indexes.add(index);
  }
  return indexes;
}

/** Items mapInOrder maps before the event loop gets a turn. */
const itemsPerTurn = 32;

/**
 * Maps items with at most `concurrency` at work at once, keeping the results in the items' order; the
 * items at the indexes `first` are started before the others.
 */
export async function mapInOrder<T, R>(items: readonly T[], concurrency: number, first: ReadonlySet<number> | undefined, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const order = first === undefined ? items.map((_, index) => index) : [...first, ...[...items.keys()].filter((index) => !first.has(index))];
  let next = 0;
  let sinceTurn = 0;
  const work = async () => {
    while (next < order.length) {
      const index = order[next++]!;
      results[index] = await map(items[index]!);
      // Items whose map waits on nothing but promises already settled (a summary from the cache's pack)
      // would follow one another without end, and the callbacks of files read meanwhile (the bytes of the
      // pages to be read afresh, which were started first) would wait until the last: a rebuild's page
      // worker stood idle a second for its page. The event loop gets a turn now and then.
      if (++sinceTurn >= itemsPerTurn) {
        sinceTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, work));
  return results;
}
