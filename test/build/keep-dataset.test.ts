/**
 * A build whose caller wants only the files written (keepDataset: false, as the command line) lets the
 * records go once they are emitted, before the files are read back; it writes the same bytes. One that
 * says keepWorkers: false stops the page workers once the pages are read.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { publish } from '../../pipeline/build/lib/publish.js';
import { runningPageWorkers } from '../../pipeline/build/lib/read-pages.js';
import { sourceFolder } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-keep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const files = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => [join(e.parentPath, e.name).slice(folder.length), readFileSync(join(e.parentPath, e.name), 'utf8')])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));

describe('keepDataset', () => {
  it('false: the result has counts but no records, and the files are the same bytes', async () => {
    const kept = await build({ source: sourceFolder, out: join(scratch, 'kept'), cache: false });
    const letGo = await build({ source: sourceFolder, out: join(scratch, 'let-go'), cache: false, keepDataset: false });
    expect(kept.dataset).toBeDefined();
    expect(letGo.ok).toBe(true);
    expect(letGo.dataset).toBeUndefined();
    expect(letGo.counts).toEqual(kept.counts);
    expect(files(join(scratch, 'let-go'))).toEqual(files(join(scratch, 'kept')));
  });

  it('publish empties the holder it is given once the files are written', async () => {
    const { dataset } = await build({ source: sourceFolder, cache: false });
    const held = { dataset: dataset! };
    const published = await publish(undefined, held, { baseIri: 'https://example.org/open-data/', title: 't', description: 'd', multiValueSeparator: '|', name: 'test', version: '1.0.0', created: '2024-01-01T00:00:00Z', keywords: [], themes: [], contributors: [], downloadUrl: 'https://example.org/open-data/' }, { candidates: [] });
    expect('written' in published).toBe(true);
    expect(held).toEqual({});
  });
});

describe('keepWorkers', () => {
  it('false: the page workers are stopped once the pages are read, and the next build starts them again', async () => {
    await build({ source: sourceFolder, cache: false });
    expect(runningPageWorkers()).toBeGreaterThan(0);
    const stopped = await build({ source: sourceFolder, cache: false, keepWorkers: false });
    expect(stopped.ok).toBe(true);
    expect(runningPageWorkers()).toBe(0);
    expect((await build({ source: sourceFolder, cache: false })).ok).toBe(true);
    expect(runningPageWorkers()).toBeGreaterThan(0);
  });
});
