import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageRecords } from '../../extract/index.js';
import type { PageCache } from './cache.js';
import { writeWhole } from './files.js';
import type { PageOutcome } from './page-task.js';

/**
 * Where each page's records wait between the pass that reads the pages and the pass that emits them,
 * so that a build holds only what the pages name, never every page's records at once. A page read
 * into the cache is taken from there again; a page of a shard output from that output; otherwise the
 * records go to a folder of the store's own, deleted on close.
 */
export class RecordStore {
  /** How to find each page's records again, by its path relative to the source folder. */
  readonly #where = new Map<string, { key: string } | { spilled: string }>();
  #folder: string | undefined;
  #spilled = 0;

  constructor(
    private readonly cache: PageCache | undefined,
    private readonly fromShards: ReadonlyMap<string, PageOutcome> | undefined,
  ) {}

  /**
   * Keeps a page's records, given as the JSON a page worker sends (see readOutcomeOf); `cached` says the
   * cache holds them under `key` already (then none need be given).
   */
  async put(relative: string, recordsJson: Uint8Array | undefined, key: string | undefined, cached: boolean): Promise<void> {
    if (this.fromShards?.has(relative)) return;
    if (cached && key !== undefined && this.cache) {
      this.#where.set(relative, { key });
      return;
    }
    if (recordsJson === undefined) throw new Error(`the records of ${relative} are in no cache and were not given`);
    this.#folder ??= await mkdtemp(join(tmpdir(), 'odp-records-'));
    const spilled = join(this.#folder, `${this.#spilled++}.json`);
    await writeWhole(spilled, recordsJson);
    this.#where.set(relative, { spilled });
  }

  /** A page's records, as kept. */
  async get(relative: string): Promise<PageRecords> {
    const shard = this.fromShards?.get(relative)?.records;
    if (shard) return shard;
    const where = this.#where.get(relative);
    if (where !== undefined && 'key' in where && this.cache) {
      // Entries are written whole: one that cannot be read back was damaged, or deleted, by hand.
      const records = await this.cache.records(where.key);
      if (!records) throw new UnreadableRecords(this.cache.recordsPath(where.key));
      return records;
    }
    const records = where === undefined || 'key' in where ? undefined : (JSON.parse(await readFile(where.spilled, 'utf8')) as PageRecords);
    if (!records) throw new Error(`the records of ${relative} were never kept`);
    return records;
  }

  /** Where a page's records are: a file, or, from a shard output, the records themselves. */
  locate(relative: string): { path: string } | { records: PageRecords } {
    const shard = this.fromShards?.get(relative)?.records;
    if (shard) return { records: shard };
    const where = this.#where.get(relative);
    if (where === undefined || ('key' in where && !this.cache)) throw new Error(`the records of ${relative} were never kept`);
    return 'key' in where ? { path: this.cache!.recordsPath(where.key) } : { path: where.spilled };
  }

  /** Deletes what the store wrote. */
  async close(): Promise<void> {
    if (this.#folder) await rm(this.#folder, { recursive: true, force: true });
    this.#folder = undefined;
  }
}

/** A page's records kept in the cache cannot be read back: the build stops, and says which entry. */
export class UnreadableRecords extends Error {
  constructor(readonly path: string) {
    super(`the records at ${path} cannot be read`);
  }
}
