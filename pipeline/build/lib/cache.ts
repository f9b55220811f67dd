import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { projectRoot } from '../../model/lib/project.js';
import { filesUnder, writeWhole } from './files.js';
import type { PageChunk } from '../../emit/index.js';
import type { PageRecords } from '../../extract/index.js';
import { decodeChunk, encodeChunk } from './chunk-file.js';
import type { LentBuffers } from './lent-buffers.js';
import { SummaryPack, SummaryPackWriter } from './summary-pack.js';
import { ContentHashes } from './content-hashes.js';
import type { Curation } from '../../model/types.js';
import { recordsIn, type PageOutcome, type PageReadOutcome, type PageSummary, type PageTask } from './page-task.js';

/** Where page outcomes are kept unless the cache variable or the build's `cache` option says otherwise (the node_modules/.cache convention). */
export const defaultCacheFolder = join(projectRoot, 'node_modules/.cache/open-data-pipeline');

/** The environment variable that names the cache folder. */
export const cacheVariable = 'OPEN_DATA_PIPELINE_CACHE';

/** The cache folder of a build: the option's, else the variable's, else the default. */
export function cacheFolder(option: string | undefined): string {
  return option ?? process.env[cacheVariable] ?? defaultCacheFolder;
}

let codeVersion: Promise<string> | undefined;

/**
 * A hash of everything that decides what a page gives besides the page itself: the pipeline's code and
 * data files, the JSON Schemas and the locked dependency versions. Any change to them is a new cache.
 */
export function pipelineVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const hash = createHash('sha256');
    const files = [...(await filesUnder(join(projectRoot, 'pipeline'))), ...(await filesUnder(join(projectRoot, 'schemas'))), join(projectRoot, 'package-lock.json')];
    for (const file of files.sort()) {
      hash.update(relative(projectRoot, file)).update('\0');
      hash.update(await readFile(file).catch(() => Buffer.from('missing'))).update('\0');
    }
    return hash.digest('hex');
  })();
  return codeVersion;
}


/**
 * The folder of one pipeline version's entries in a cache folder. An entry is only ever read by the
 * version that made it: each version has a folder of its own, and those no longer used are deleted whole
 * (see pruneCache), not left to grow the cache by gigabytes at every change of the code.
 */
export function versionFolder(cache: string, version: string): string {
  return join(cache, 'versions', version.slice(0, 16));
}

/** The file whose modification time says when a version's folder was last opened by a build. */
const lastUsedFile = 'last-used';

/** The file of the hashes of the pages' bytes in a version's folder (see ContentHashes). */
function contentHashesIn(folder: string): string {
  return join(folder, 'content-hashes.json');
}

/** What the cache folder held before versions had folders of their own: entries no version reads. */
const unversioned = ['pages', 'records', 'chunks', 'pages.pack'];

export interface PruneOptions {
  /** Versions kept, the current one included, the most recently used first. */
  keep?: number;
  /** A version used more recently than this many milliseconds ago is kept too: a build of it may be running. */
  recent?: number;
  now?: number;
}

/**
 * Deletes the entries of pipeline versions other than `current`, but for the most recently used ones
 * (two versions in all, by default: switching back to the code before costs no cold build) and those
 * used within the hour; and what the folder held before versions had folders of their own.
 */
export async function pruneCache(cache: string, current: string, { keep = 2, recent = 60 * 60 * 1000, now = Date.now() }: PruneOptions = {}): Promise<string[]> {
  for (const name of unversioned) await rm(join(cache, name), { recursive: true, force: true });
  const versions = join(cache, 'versions');
  const names = await readdir(versions).catch(() => [] as string[]);
  const currentName = basename(versionFolder(cache, current));
  const used = await Promise.all(names.map(async (name) => ({ name, at: await stat(join(versions, name, lastUsedFile)).then(({ mtimeMs }) => mtimeMs, () => 0) })));
  const others = used.filter(({ name }) => name !== currentName).sort((a, b) => b.at - a.at || (a.name < b.name ? -1 : 1));
  const deleted = others.slice(Math.max(0, keep - 1)).filter(({ at }) => at < now - recent).map(({ name }) => name);
  for (const name of deleted) await rm(join(versions, name), { recursive: true, force: true });
  return deleted;
}

/**
 * Page outcomes kept between builds, each under a hash of all it depends on: the page's bytes and path,
 * the curation, the depth limit and the pipeline's version. An entry is only ever reused for exactly the
 * same inputs, so nothing stale is read; a damaged entry is a miss. An outcome is kept in two files, its
 * summary and its records, read apart. Beside them, each page's chunk of the emitted files (see
 * PageChunk), under a key of its own that the build makes (see chunkKey).
 */
export class PageCache {
  readonly #packWriter: SummaryPackWriter;
  readonly #contentHashes: ContentHashes;

  /** This version's folder in the cache folder (see versionFolder). */
  private readonly folder: string;

  private constructor(
    private readonly cacheFolder: string,
    private readonly version: string,
    contentHashes: ContentHashes,
  ) {
    this.folder = versionFolder(cacheFolder, version);
    this.#contentHashes = contentHashes;
    this.#packWriter = new SummaryPackWriter(this.#packPath);
  }

  /** Where the page workers keep the gazetteer's cities once built (see keepCityTablesAt): this version's folder is named by a hash of all they are made from. */
  get cityTablesPath(): string {
    return join(this.folder, 'cities.v8');
  }

  get #packPath(): string {
    return join(this.folder, 'pages.pack');
  }

  /** The cache in `folder`, for the pipeline's version, marked as used now. */
  static async open(folder: string): Promise<PageCache> {
    const version = await pipelineVersion();
    const cache = new PageCache(folder, version, await ContentHashes.read(contentHashesIn(versionFolder(folder, version))));
    await mkdir(cache.folder, { recursive: true });
    await writeFile(join(cache.folder, lastUsedFile), '');
    return cache;
  }

  /** The key of a page read into `task` (see keyOf); its bytes' hash is kept for the next build (see ContentHashes). */
  key(task: PageTask, identity?: string): string {
    return this.keyOf(task.relativePath, task.curation, task.maxDepth, this.#contentHashes.hash(task.relativePath, identity, task.bytes));
  }

  /**
   * The key of a page's outcome: a hash of the pipeline's version, the page's path, the curation, the
   * depth limit and the hash of the page's bytes (see contentHash).
   */
  keyOf(relativePath: string, curation: Curation, maxDepth: number, contentHash: string): string {
    return createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(relativePath)
      .update('\0')
      .update(curationText(curation))
      .update('\0')
      .update(String(maxDepth))
      .update('\0')
      .update(contentHash)
      .digest('hex');
  }

  /** The key of a page whose file has the identity it had when a build last hashed it, without reading it; none otherwise. */
  knownKey(relativePath: string, identity: string | undefined, curation: Curation, maxDepth: number): string | undefined {
    const hash = identity === undefined ? undefined : this.#contentHashes.hashOf(relativePath, identity);
    return hash === undefined ? undefined : this.keyOf(relativePath, curation, maxDepth, hash);
  }

  /** Keeps the hashes of the pages' bytes this build looked up or made, for the next build (see ContentHashes). */
  async keepContentHashes(): Promise<void> {
    await this.#contentHashes.write(contentHashesIn(this.folder));
  }

  /** A page's outcome whole, its summary and its records. */
  async get(key: string): Promise<PageOutcome | undefined> {
    const summary = await this.summary(key);
    if (!summary) return undefined;
    if (!summary.named) return { messages: summary.messages, curationUsed: summary.curationUsed };
    const records = await this.records(key);
    return records && { messages: summary.messages, curationUsed: summary.curationUsed, records };
  }

  /**
   * A page's summary; none when its records, kept apart, are gone (an entry deleted in part is a miss).
   * Looked up in the last build's pack of summaries first (see SummaryPack), then in its own file.
   */
  async summary(key: string): Promise<PageSummary | undefined> {
    const parsed = (text: string | undefined) => {
      if (text === undefined) return undefined;
      const summary = parseJson<PageSummary>(text);
      return summary && { summary, text };
    };
    // The pack's bytes are good until its next read: made text at once.
    const packed = (await this.#pack()).text(key)?.toString('utf8');
    const found = parsed(packed) ?? parsed(await readFile(this.pathOf('pages', key), 'utf8').catch(() => undefined));
    if (!found || (found.summary.named && !(await this.recordsHeld()).has(key))) return undefined;
    this.#packWriter.add(key, found.text);
    return found.summary;
  }

  /** Whether the last build's pack holds a page's summary (a summary only in its own file is not looked for). */
  async holdsSummary(key: string): Promise<boolean> {
    return (await this.#pack()).has(key);
  }

  #packRead: Promise<SummaryPack> | undefined;

  /** The last pack, read once; the new one starts from it (see SummaryPackWriter). */
  #pack(): Promise<SummaryPack> {
    this.#packRead ??= SummaryPack.read(this.#packPath).then((pack) => {
      this.#packWriter.startFrom(pack);
      return pack;
    });
    return this.#packRead;
  }

  /**
   * Puts in place the pack of the summaries this build looked up or kept, for the next build to read at
   * once, and lets go of the last one's.
   */
  async keepSummaries(): Promise<void> {
    const last = await this.#pack();
    this.#packRead = Promise.resolve(SummaryPack.empty());
    try {
      await this.#packWriter.finish();
    } finally {
      last.close();
    }
  }

  /**
   * Ends the build's use of the cache: a pack of summaries begun and not kept (a build that stopped
   * while reading its pages) is deleted, not left in the folder (at 10,000 pages, 130 MB each time), and
   * so are the entries of versions of the pipeline no longer used (see pruneCache).
   */
  async close(): Promise<void> {
    await this.#packWriter.abandon();
    (await this.#packRead)?.close();
    await pruneCache(this.cacheFolder, this.version);
  }

  #recordsHeld: Promise<Set<string>> | undefined;

  /** The keys whose records the cache held when first asked: one listing, not a look per page (10,000 at 10,000 pages). */
  private recordsHeld(): Promise<Set<string>> {
    this.#recordsHeld ??= filesUnder(join(this.folder, 'records')).then((paths) => new Set(paths.flatMap((path) => (path.endsWith('.json') ? [basename(path, '.json')] : []))));
    return this.#recordsHeld;
  }

  records(key: string): Promise<PageRecords | undefined> {
    return readFile(this.recordsPath(key), 'utf8').then(recordsIn, () => undefined);
  }

  /** The file a page's records are kept in (a worker reads them from there). */
  recordsPath(key: string): string {
    return this.pathOf('records', key);
  }

  /** Keeps what reading a page gave (see readOutcomeOf); its records first, so that a summary kept always has its records. */
  async set(key: string, read: PageReadOutcome): Promise<void> {
    if (read.recordsJson !== undefined) await writeWhole(this.pathOf('records', key), read.recordsJson);
    const summary = JSON.stringify(read.summary);
    await writeWhole(this.pathOf('pages', key), summary);
    // The last pack is read first: a summary it holds is not added again.
    await this.#pack();
    this.#packWriter.add(key, summary);
  }

  /**
   * A page's chunk, read into a buffer borrowed from `buffers`: its texts are views of that buffer, so
   * `release` (which gives it back) must wait until they are written. None when the entry is missing or damaged.
   */
  async chunk(key: string, buffers: LentBuffers): Promise<{ chunk: PageChunk; release: () => void } | undefined> {
    let read;
    try {
      read = buffers.read(this.chunkPath(key));
    } catch {
      return undefined;
    }
    const { buffer, bytes } = read;
    const chunk = decodeChunk(bytes);
    if (!chunk) {
      buffers.giveBack(buffer);
      return undefined;
    }
    return { chunk, release: () => buffers.giveBack(buffer) };
  }

  async setChunk(key: string, chunk: PageChunk): Promise<void> {
    await writeWhole(this.chunkPath(key), encodeChunk(chunk));
  }

  /** The file a page's chunk is kept in (a page worker writes it there). */
  chunkPath(key: string): string {
    return this.pathOf('chunks', key);
  }

  private pathOf(kind: 'pages' | 'records' | 'chunks', key: string): string {
    return join(this.folder, kind, key.slice(0, 2), `${key}.${kind === 'chunks' ? 'chunk' : 'json'}`);
  }
}

/** JSON text parsed; none when it does not parse (a damaged entry is a miss). */
function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

const curationTexts = new WeakMap<object, string>();

/** The curation as hashed text, made once per build: every page's key includes it. */
function curationText(curation: object): string {
  let text = curationTexts.get(curation);
  if (text === undefined) {
    text = JSON.stringify(curation);
    curationTexts.set(curation, text);
  }
  return text;
}
