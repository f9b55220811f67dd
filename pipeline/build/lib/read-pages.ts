import { availableParallelism } from 'node:os';
import { VFile } from 'vfile';
import type { CurationIndex } from '../../extract/index.js';
import { fileWithError, reportError, reportWarning } from '../../model/lib/diagnostics.js';
import type { Curation } from '../../model/types.js';
import { documentIdFor } from '../../parse/index.js';
import type { PageCache } from './cache.js';
import { tooLarge } from './limits.js';
import { limitOptions, pageMemory, type Limits } from './options.js';
import type { PageMessage, PageOutcome, PageTask } from './page-task.js';
import { PagePool, type PoolFailure } from './pool.js';
import { displayPath, readBytes, relativePath, type PageSource } from './sources.js';

/** A page as read: the file its messages are on, and, when it could be read, its outcome (records included when the page is valid). */
export interface PageRead {
  file: VFile;
  relative?: string;
  outcome?: PageOutcome;
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
}

/**
 * Reads every page, in the pages' order: from the shard outputs when merging, else from the cache when
 * the page, its curation and the code are unchanged, else in the pool of page workers. A page over the
 * size limit or with another page's id is not read at all.
 */
export async function readPages(pages: readonly PageSource[], options: ReadOptions): Promise<{ read: PageRead[]; fromCache: number }> {
  const { source, curation, curationIndex, limits, cache, fromShards } = options;
  const pool = poolFor(limits);
  const documentPaths = new Map<string, string>();
  let fromCache = 0;
  let done = 0;
  const read = await mapInOrder(pages, pool.size * 2, async ({ path, size }): Promise<PageRead> => {
    const relative = relativePath(source, path);
    // Messages name the file as the user would type it: relative to the working folder.
    const shown = displayPath(path);
    if (size > limits.maxFileSize) return { file: tooLarge(shown, size, limits) };
    const documentId = documentIdFor(relative);
    const earlier = documentPaths.get(documentId);
    if (earlier) return { file: fileWithError(shown, `Page has the same id \`${documentId}\` as \`${earlier}\`: rename one of the files`, 'duplicate-id') };
    documentPaths.set(documentId, relative);
    let outcome = fromShards?.get(relative);
    const task: PageTask | undefined = outcome
      ? undefined
      : { shownPath: shown, relativePath: relative, bytes: await readBytes(path), curation, maxDepth: limits.maxDepth, raiseDepth: limitOptions.maxDepth };
    const key = task && cache?.key(task);
    outcome ??= key === undefined ? undefined : await cache?.get(key);
    if (outcome) fromCache += task ? 1 : 0;
    else if (task) {
      const result = await pool.run(task);
      if ('failure' in result) return { file: overLimit(shown, result, limits) };
      outcome = result;
      if (key !== undefined) await cache?.set(key, outcome);
    }
    if (!outcome) throw new Error(`no outcome for ${relative}`);
    curationIndex.markUsed(outcome.curationUsed);
    options.progress?.(++done, pages.length);
    return { file: fileWithMessages(shown, outcome.messages), relative, outcome, ...(key !== undefined ? { key } : {}) };
  });
  return { read, fromCache };
}

/** One pool of page workers per time limit, kept for the life of the process: starting workers costs more than reading a page. */
const pools = new Map<number, PagePool>();

function poolFor(limits: Limits): PagePool {
  let pool = pools.get(limits.parseTimeout);
  if (!pool) {
    pool = new PagePool({ size: availableParallelism(), timeout: limits.parseTimeout, maxMemory: pageMemory });
    pools.set(limits.parseTimeout, pool);
  }
  return pool;
}

/** A page's messages, computed in a worker or read from the cache, on a file named as the user would type it. */
function fileWithMessages(path: string, messages: readonly PageMessage[]): VFile {
  const file = new VFile({ path });
  for (const message of messages) {
    const place =
      message.line === undefined
        ? undefined
        : message.endLine === undefined
          ? { line: message.line, column: message.column ?? 1 }
          : { start: { line: message.line, column: message.column ?? 1 }, end: { line: message.endLine, column: message.endColumn ?? 1 } };
    (message.fatal ? reportError : reportWarning)(file, message.reason, place, message.ruleId);
  }
  return file;
}

/** The error for a page that took too long or needed too much memory to read. */
function overLimit(path: string, failure: PoolFailure, limits: Limits): VFile {
  return failure.failure === 'timeout'
    ? fileWithError(path, `Reading the page took longer than ${limits.parseTimeout / 1000} s, the limit: simplify its Markdown, or raise the limit with ${limitOptions.parseTimeout}`, 'limit-parse-time')
    : fileWithError(path, `Reading the page needs more than ${pageMemory} MB of memory: split the page into smaller ones`, 'limit-memory');
}

/** Maps items with at most `concurrency` at work at once, keeping the results in the items' order. */
async function mapInOrder<T, R>(items: readonly T[], concurrency: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const work = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, work));
  return results;
}
