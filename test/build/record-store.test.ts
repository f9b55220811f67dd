/**
 * A build holds what the pages name, not their records: each page's records wait in a store between
 * the pass that reads the pages and the pass that emits them, taken from the page cache, from a shard
 * output, or from a folder of the store's own that is deleted when the build ends.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { PageCache, pipelineVersion, versionFolder } from '../../pipeline/build/lib/cache.js';
import { publish } from '../../pipeline/build/lib/publish.js';
import { RecordStore, UnreadableRecords } from '../../pipeline/build/lib/record-store.js';
import { datasetParts, type DatasetParts } from '../../pipeline/model/lib/dataset.js';
import { readOutcomeOf, type PageOutcome } from '../../pipeline/build/lib/page-task.js';
import { sourceFolder } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const emitOptions = { baseIri: 'https://example.org/open-data/', title: 't', description: 'd', multiValueSeparator: '|' as const, name: 'test', version: '1.0.0', created: '2024-01-01T00:00:00Z', keywords: [], themes: [], contributors: [], downloadUrl: 'https://example.org/open-data/' };

describe('the record store', () => {
  let temporary: string;
  const previous = process.env['TMPDIR'];
  beforeEach(() => {
    temporary = mkdtempSync(join(scratch, 'tmp-'));
    process.env['TMPDIR'] = temporary;
  });
  // The store's own folders (tsx keeps a folder of its own in the temporary folder too).
  const spills = () => readdirSync(temporary).filter((name) => name.startsWith('odp-records-'));
  afterEach(() => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  });

  it('without a cache, keeps the records in a folder of its own and deletes it when the build ends', async () => {
    const built = await build({ source: sourceFolder, out: join(scratch, 'no-cache'), cache: false, keepDataset: false });
    expect(built.ok).toBe(true);
    expect(built.counts?.mentions).toBeGreaterThan(0);
    expect(spills()).toEqual([]);
  });

  it('takes the records of a page read into the cache from the cache again, and writes nothing of its own', async () => {
    const cacheFolder = join(scratch, 'cache');
    const cache = await PageCache.open(cacheFolder);
    const store = new RecordStore(cache, undefined);
    const records = { document: { id: 'page/page' }, marker: true, events: [], mentions: [] };
    await cache.set('k'.repeat(64), readOutcomeOf({ records, messages: [], curationUsed: [] } as unknown as PageOutcome));
    // Kept by the cache: the store needs no text of its own.
    await store.put('page.md', undefined, 'k'.repeat(64), true);
    expect(spills()).toEqual([]);
    expect(await store.get('page.md')).toEqual(records);
    // An entry deleted by hand while the build runs is an error that names it, never a stale or empty page.
    rmSync(join(versionFolder(cacheFolder, await pipelineVersion()), 'records', 'kk'), { recursive: true });
    await expect(store.get('page.md')).rejects.toThrow(new UnreadableRecords(cache.recordsPath('k'.repeat(64))));
    await store.close();
  });

  it('spills a page it cannot find again elsewhere, reads it back as it was, and deletes it on close', async () => {
    const store = new RecordStore(undefined, undefined);
    const records = { document: { id: 'page/x' }, sections: [{ id: 'page/x/section/1' }] };
    await store.put('x.md', new TextEncoder().encode(JSON.stringify(records)), undefined, false);
    expect(spills()).toHaveLength(1);
    expect(await store.get('x.md')).toEqual(records);
    await store.close();
    expect(spills()).toEqual([]);
  });
});

describe('emission a page at a time', () => {
  it('abandons every file when a page fails part-way, and leaves the previous output as it was', async () => {
    const out = join(scratch, 'out');
    const { dataset } = await build({ source: sourceFolder, out, cache: false });
    const before = readFileSync(join(out, 'dataset.jsonld'));
    const whole = datasetParts(dataset!);
    const failing: DatasetParts = {
      ...whole,
      async *pages() {
        yield* whole.pages();
        throw new Error('a page failed');
      },
    };
    await expect(publish(out, { dataset: failing }, emitOptions, { candidates: [] })).rejects.toThrow('a page failed');
    expect(readFileSync(join(out, 'dataset.jsonld'))).toEqual(before);
    expect(readdirSync(scratch).filter((name) => name.startsWith('out') && name !== 'out')).toEqual([]);
  });
});
