/**
 * Page chunks (see PageChunk): a rebuild writes an unchanged page from the chunk an earlier build kept,
 * makes afresh the chunk of a changed page or of a page whose references resolve otherwise, and gives
 * the bytes a build without any cache gives.
 */
import { appendFileSync, cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePage, writeCorpus } from '../../pipeline/bench/index.js';
import { build } from '../../pipeline/build/index.js';
import { chunkKey, resolutionOf } from '../../pipeline/build/lib/chunks.js';
import { runningPageWorkers } from '../../pipeline/build/lib/read-pages.js';
import type { ChunkContext } from '../../pipeline/emit/index.js';
import type { EntityRef } from '../../pipeline/extract/index.js';
import { twoPageScratch } from '../helpers.js';

const { scratch, source, cache } = twoPageScratch('odp-chunks-');

describe('page chunks', () => {
  it('are made on the first build and reused on the next, with the same bytes', async () => {
    const cold = await build({ source, cache, keepDataset: false });
    expect(cold.chunks).toEqual({ reused: 0, made: 2 });
    const warm = await build({ source, cache, keepDataset: false });
    expect(warm.chunks).toEqual({ reused: 2, made: 0 });
    const none = await build({ source, cache: false, keepDataset: false });
    expect([...warm.outputs!]).toEqual([...none.outputs!]);
  });

  it('are made afresh for a changed page only', async () => {
    appendFileSync(join(source, 'page.md'), '\nThe Office of Tests (OT) met in Lyon on 3 March 2012.\n');
    const changed = await build({ source, cache, keepDataset: false });
    expect(changed.chunks).toEqual({ reused: 1, made: 1 });
    const none = await build({ source, cache: false, keepDataset: false });
    expect([...changed.outputs!]).toEqual([...none.outputs!]);
  });

  it('are not used when the build keeps its dataset: every page is resolved then', async () => {
    const kept = await build({ source, cache });
    expect(kept.chunks).toEqual({ reused: 0, made: 2 });
    expect(kept.dataset?.documents).toHaveLength(2);
  });

  it('are made afresh when the base IRI changes', async () => {
    const moved = await build({ source, cache, keepDataset: false, baseIri: 'https://example.org/moved#' });
    expect(moved.chunks).toEqual({ reused: 0, made: 2 });
    expect(moved.outputs!.get('dataset.jsonld')).toContain('https://example.org/moved#');
  });
});

describe('a rebuild into a folder', () => {
  const folderSource = join(scratch, 'folder-source');
  cpSync(source, folderSource, { recursive: true });
  const folderCache = join(scratch, 'folder-cache');
  const out = join(scratch, 'out');
  const files = (folder: string) => new Map(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(folder.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]));
  const checkedChunks = () => (JSON.parse(readFileSync(join(folderCache, 'checked', 'chunks.json'), 'utf8')) as { hashes: string[] }).hashes;

  it('after one page changed writes what a build without cache writes, the chunks checked before left out of the check', async () => {
    expect((await build({ source: folderSource, cache: folderCache, out, keepDataset: false })).ok).toBe(true);
    const first = checkedChunks();
    expect(first).toHaveLength(2);
    appendFileSync(join(folderSource, 'page.md'), '\nThe Office of Checks met in Nantes on 4 May 2013.\n');
    const rebuilt = await build({ source: folderSource, cache: folderCache, out, keepDataset: false });
    expect(rebuilt.chunks).toEqual({ reused: 1, made: 1 });
    const second = checkedChunks();
    expect(second).toHaveLength(2);
    expect(second.filter((hash) => first.includes(hash))).toHaveLength(1);
    const fresh = await build({ source: folderSource, cache: false, keepDataset: false });
    expect(files(out)).toEqual(fresh.outputs);
  });
});

describe('a rebuild of more pages than are read ahead', () => {
  // Chunks from the cache are read into a few buffers, each used again once its page is written: a
  // buffer given back too early would have a later page's bytes written in an earlier one's place.
  const manySource = join(scratch, 'many-source');
  const manyCache = join(scratch, 'many-cache');
  const out = join(scratch, 'many-out');

  it('writes each page from its own chunk', async () => {
    const { paths } = await writeCorpus({ pages: 24, seed: 7 }, manySource);
    expect((await build({ source: manySource, cache: manyCache, out, keepDataset: false })).ok).toBe(true);
    const changed = join(manySource, paths[paths.length - 1]!);
    writeFileSync(changed, changePage(readFileSync(changed, 'utf8')));
    const rebuilt = await build({ source: manySource, cache: manyCache, out, keepDataset: false });
    expect(rebuilt.chunks).toEqual({ reused: 23, made: 1 });
    const fresh = await build({ source: manySource, cache: false, keepDataset: false });
    for (const [path, text] of fresh.outputs!) expect(readFileSync(join(out, path), 'utf8'), path).toBe(text);
  }, 120_000);

  it('makes them in fresh workers once many pages were read, and writes the same bytes', async () => {
    const recycled = await build({ source: manySource, cache: false, keepDataset: false, freshWorkersAfter: 10 });
    expect(recycled.chunks).toEqual({ reused: 0, made: 24 });
    // The workers that read the pages were stopped; new ones made the chunks, as many as read them (not this thread).
    expect(runningPageWorkers()).toBe(availableParallelism());
    const kept = await build({ source: manySource, cache: false, keepDataset: false });
    expect([...recycled.outputs!]).toEqual([...kept.outputs!]);
    // A rebuild, one page changed, replacing its workers too: its one chunk is made in a fresh worker.
    const changed = join(manySource, readdirSync(manySource, { recursive: true }).map(String).filter((path) => path.endsWith('.md')).sort()[0]!);
    writeFileSync(changed, changePage(readFileSync(changed, 'utf8')));
    const rebuilt = await build({ source: manySource, cache: manyCache, out, keepDataset: false, freshWorkersAfter: 1 });
    expect(rebuilt.chunks).toEqual({ reused: 23, made: 1 });
    const fresh = await build({ source: manySource, cache: false, keepDataset: false });
    for (const [path, text] of fresh.outputs!) expect(readFileSync(join(out, path), 'utf8'), path).toBe(text);
  }, 180_000);
});

describe('the key of a chunk', () => {
  const references: EntityRef[] = [
    { type: 'organization', name: 'Office of Tests' },
    { type: 'place', id: 'place/fr' },
  ];
  const ids = new Map([
    ['Office of Tests', 'organization/office-of-tests'],
    ['place/fr', 'place/fr'],
  ]);
  const resolve = (ref: EntityRef) => ids.get(ref.type === 'place' ? ref.id : ref.type === 'organization' ? ref.name : '');
  const contextWith = (names: Array<[string, string]>, places: string[] = ['place/fr']): ChunkContext => ({
    nodeContext: { iri: (id) => `https://example.org/#${id}`, hasPlace: (id) => places.includes(id) },
    separator: '|',
    names: new Map(names),
  });
  const options = { baseIri: 'https://example.org/#', multiValueSeparator: '|' } as const;
  const names: Array<[string, string]> = [
    ['organization/office-of-tests', 'Office of Tests'],
    ['place/fr', 'France'],
  ];
  const keyOf = (pageKey: string, resolveWith: (ref: EntityRef) => string | undefined, context: ChunkContext, written: Parameters<typeof chunkKey>[2] = options) =>
    chunkKey(pageKey, resolutionOf(references, resolveWith, context), written);
  const key = keyOf('page', resolve, contextWith(names));

  it('is the same for the same page, references and resolution, whatever else the dataset holds', () => {
    expect(keyOf('page', resolve, contextWith([...names, ['organization/other', 'Other']]))).toBe(key);
  });

  it('changes with the page, the options, or how a reference resolves, is named or is placed', () => {
    expect(keyOf('page changed', resolve, contextWith(names))).not.toBe(key);
    expect(keyOf('page', resolve, contextWith(names), { ...options, multiValueSeparator: ';' })).not.toBe(key);
    expect(keyOf('page', (ref) => (ref.type === 'organization' ? 'organization/tests-office' : resolve(ref)), contextWith(names))).not.toBe(key);
    expect(keyOf('page', (ref) => (ref.type === 'organization' ? undefined : resolve(ref)), contextWith(names))).not.toBe(key);
    expect(keyOf('page', resolve, contextWith([names[0]!, ['place/fr', 'French Republic']]))).not.toBe(key);
    expect(keyOf('page', resolve, contextWith(names, []))).not.toBe(key);
  });
});

describe('the resolutions of many pages', () => {
  const context: ChunkContext = { nodeContext: { iri: (id) => `https://example.org/#${id}`, hasPlace: (id) => id.startsWith('place/') }, separator: '|', names: new Map([['organization/mod-fr', 'Ministry of Defence']]) };
  const ministry: EntityRef = { type: 'organization', name: 'Ministry of Defence' };
  const unknown: EntityRef = { type: 'organization', name: 'Nobody' };

  it('share one object for one reference resolving to one id, and keep apart those that resolve otherwise (the same name in two countries)', () => {
    const shared = new Map();
    const french = (ref: EntityRef) => (ref === ministry ? 'organization/mod-fr' : undefined);
    const spanish = (ref: EntityRef) => (ref === ministry ? 'organization/mod-es' : undefined);
    const [first, firstUnknown] = resolutionOf([ministry, unknown], french, context, shared);
    const [second, secondUnknown] = resolutionOf([ministry, unknown], french, context, shared);
    const [other] = resolutionOf([ministry], spanish, context, shared);
    expect(second).toBe(first);
    expect(secondUnknown).toBe(firstUnknown);
    expect(first).toEqual({ reference: 'organization\u0000Ministry of Defence', id: 'organization/mod-fr', name: 'Ministry of Defence' });
    expect(other).toEqual({ reference: 'organization\u0000Ministry of Defence', id: 'organization/mod-es' });
    expect(firstUnknown).toEqual({ reference: 'organization\u0000Nobody' });
    // Shared or not, a page's resolution is the same, and so is its chunk's key.
    expect(resolutionOf([ministry, unknown], french, context)).toEqual([first, firstUnknown]);
  });
});
