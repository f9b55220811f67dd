/**
 * Reusing an unchanged build: a build into a folder that already holds what an earlier build of exactly
 * the same inputs wrote keeps it, without merging, emitting or checking again; any change to the inputs
 * or to the folder's files builds afresh.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { PageCache } from '../../pipeline/build/lib/cache.js';
import jsonld from 'jsonld';
import { twoPageScratch } from '../helpers.js';

const { scratch, source, cache } = twoPageScratch('odp-reuse-');
const out = join(scratch, 'dist');

/** Every file of the output folder with its bytes. */
const snapshot = (): Array<[string, string]> =>
  readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, string] => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')])
    .sort(([a], [b]) => (a < b ? -1 : 1));

/** What a build without any cache writes, for comparison. */
const fresh = async (): Promise<Array<[string, string]>> => {
  const other = join(scratch, 'fresh');
  rmSync(other, { recursive: true, force: true });
  expect((await build({ source, out: other, cache: false })).ok).toBe(true);
  return readdirSync(other, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, string] => [join(e.parentPath, e.name).replace(other, out), readFileSync(join(e.parentPath, e.name), 'utf8')])
    .sort(([a], [b]) => (a < b ? -1 : 1));
};

describe('a build whose inputs and output are unchanged', () => {
  it('keeps the output folder as it is, with the same files, counts and checksums', async () => {
    const first = await build({ source, out, cache });
    expect(first.ok).toBe(true);
    expect(first.reused).toBeUndefined();
    const before = snapshot();
    const second = await build({ source, out, cache });
    expect(second.ok).toBe(true);
    expect(second.reused).toBe(true);
    expect(second.counts).toEqual(first.counts);
    expect([...second.written!]).toEqual([...first.written!]);
    expect(snapshot()).toEqual(before);
  });

  it('is built afresh when a page changes', async () => {
    appendFileSync(join(source, 'page.md'), '\nThe Office of Reuse Tests (ORT) met in Lyon on 3 March 2012.\n');
    const changed = await build({ source, out, cache });
    expect(changed.reused).toBeUndefined();
    expect(changed.dataset!.organizations.map((o) => o.name)).toContain('Office of Reuse Tests');
    expect(snapshot()).toEqual(await fresh());
  });

  it('is built afresh when the dataset settings change', async () => {
    await build({ source, out, cache });
    appendFileSync(join(source, 'dataset.yml'), 'keywords: [reuse]\n');
    const changed = await build({ source, out, cache });
    expect(changed.reused).toBeUndefined();
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).toContain('"reuse"');
  });

  it('is built afresh when a file of the output folder was altered', async () => {
    await build({ source, out, cache });
    writeFileSync(join(out, 'timeline.md'), 'edited by hand\n');
    const repaired = await build({ source, out, cache });
    expect(repaired.reused).toBeUndefined();
    expect(snapshot()).toEqual(await fresh());
  });

  it('reports again the curated entries no page uses', async () => {
    writeFileSync(join(source, 'curation.yml'), 'reject:\n  - text: Nothing Like This Name\n');
    const first = await build({ source, out, cache });
    const second = await build({ source, out, cache });
    expect(second.reused).toBe(true);
    const unused = (result: typeof first) => result.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'curation-unused').map(String);
    expect(unused(second)).toEqual(unused(first));
    expect(unused(second)).toHaveLength(1);
  });

  it("reports again each page's warnings, where they are, and decides without reading any page's outcome", async () => {
    appendFileSync(join(source, 'page.md'), '\nThe QZXW met in Lyon on 3 March 2012.\n');
    const first = await build({ source, out, cache });
    // The decision rests on the pages' keys and the record alone: no cached outcome is read.
    const reads = vi.spyOn(PageCache.prototype, 'get');
    const second = await build({ source, out, cache });
    expect(second.reused).toBe(true);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    const warnings = (result: typeof first) => result.files.flatMap((f) => f.messages.map((m) => `${f.path} ${m.line}:${m.column} ${m.ruleId} ${m.reason}`));
    expect(warnings(first).filter((w) => w.includes('acronym-unresolved') && w.includes('QZXW'))).toHaveLength(1);
    expect(warnings(second)).toEqual(warnings(first));
    expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
  });

  it('fails under --strict on the warnings it would report again, and keeps nothing', async () => {
    const strict = await build({ source, out, cache, strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.reused).toBeUndefined();
  });
});

describe('the check of a rebuilt graph', () => {
  it('converts no part of dataset.jsonld that an earlier build converted, and every part after the pipeline changed', async () => {
    await build({ source, out, cache });
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    /** The documents converted: the graph's parts hold the mentions, the other JSON-LD files none. */
    const graphParts = () => toRdf.mock.calls.filter(([document]) => JSON.stringify(document).includes('"oa:Annotation"')).length;
    const elsewhere = join(scratch, 'elsewhere');
    expect((await build({ source, out: elsewhere, cache })).ok).toBe(true);
    expect(graphParts()).toBe(0);
    // Parts checked by another version of the pipeline are not known to this one.
    const store = join(cache, 'checked', 'jsonld-parts.json');
    writeFileSync(store, readFileSync(store, 'utf8').replace(/"version":"[0-9a-f]+"/, '"version":"other"'));
    rmSync(elsewhere, { recursive: true });
    expect((await build({ source, out: elsewhere, cache })).ok).toBe(true);
    expect(graphParts()).toBeGreaterThan(0);
    toRdf.mockRestore();
  });
});
