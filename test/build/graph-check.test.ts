/**
 * The graph of a rebuild (most of its parts converted by an earlier build) is checked as soon as
 * dataset.jsonld is closed, beside the files written after it, not once every file is written; a cold
 * build's is checked with the other files, once all are written. Either way the files are the same bytes and a problem is found.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changePage, writeCorpus } from '../../pipeline/bench/index.js';
import { build } from '../../pipeline/build/index.js';
import { conversionOf, tellingClosed } from '../../pipeline/build/lib/publish.js';
import { MemorySink, type Fingerprint } from '../../pipeline/emit/index.js';

/** For each conversion of dataset.jsonld begun: whether SHA256SUMS (the last file written, once every other is) was in the folder yet. */
const writtenWholeAtStart: boolean[] = [];

vi.mock('../../pipeline/build/lib/verify.js', async (original) => {
  const real = await original<typeof import('../../pipeline/build/lib/verify.js')>();
  return {
    ...real,
    verifyJsonLdInWorker: (folder: string, path: string, parts?: Parameters<typeof real.verifyJsonLdInWorker>[2]) => {
      if (path === 'dataset.jsonld') writtenWholeAtStart.push(existsSync(join(folder, 'SHA256SUMS')));
      return real.verifyJsonLdInWorker(folder, path, parts);
    },
  };
});

const scratch = mkdtempSync(join(tmpdir(), 'odp-graph-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => {
  writtenWholeAtStart.length = 0;
});

describe('the check of a rebuild’s graph', () => {
  // Forty pages make a graph of a few megabytes: over the size that earns a thread of its own.
  const source = join(scratch, 'corpus');
  const out = join(scratch, 'dist');
  const cache = join(scratch, 'cache');

  it('begins when dataset.jsonld is closed on a rebuild, at the check on a cold build, and the files are the same', async () => {
    const { paths } = await writeCorpus({ pages: 40, seed: 7 }, source);
    const cold = await build({ source, out, cache, keepDataset: false });
    expect(cold.ok).toBe(true);
    expect(cold.written!.get('dataset.jsonld')!.bytes).toBeGreaterThan(1 << 20);
    expect(writtenWholeAtStart).toEqual([true]);

    writtenWholeAtStart.length = 0;
    const changed = join(source, paths[20]!);
    appendFileSync(changed, changePage(''));
    const rebuilt = await build({ source, out, cache, keepDataset: false });
    expect(rebuilt.ok).toBe(true);
    expect(writtenWholeAtStart).toEqual([false]);

    const fresh = await build({ source, out: join(scratch, 'fresh'), cache: false, keepDataset: false });
    expect(fresh.ok).toBe(true);
    expect(readFileSync(join(out, 'dataset.jsonld'))).toEqual(readFileSync(join(scratch, 'fresh', 'dataset.jsonld')));
    expect([...rebuilt.written!]).toEqual([...fresh.written!]);
  });
});

describe('tellingClosed', () => {
  it('tells each file finished, written whole or a piece at a time, with its fingerprint', async () => {
    const told: Array<[string, Fingerprint]> = [];
    const sink = tellingClosed(new MemorySink(), (path, fingerprint) => told.push([path, fingerprint]));
    const whole = await sink.write('a.txt', ['abc']);
    const writer = await sink.open('b.txt');
    await writer.write('de');
    expect(told.map(([path]) => path)).toEqual(['a.txt']);
    const pieces = await writer.close();
    expect(told).toEqual([
      ['a.txt', whole],
      ['b.txt', pieces],
    ]);
    expect(pieces.bytes).toBe(2);
  });
});

describe('where the check converts each JSON-LD file', () => {
  const MB = 1 << 20;
  // The files of a build of 10,000 pages, and of one page.
  const files = [
    ['dataset.jsonld', 1100 * MB],
    ['catalog.jsonld', 20 * MB],
    ['schema-org.jsonld', 2 * MB],
    ['catalog.jsonld', 0.1 * MB],
  ] as const;

  it('on a first build: a large graph in two threads, the catalogue and the schema.org record in a thread each in turn, small files here', () => {
    expect(files.map(([path, bytes]) => conversionOf(path, bytes, false))).toEqual(['two threads', 'own thread, in turn', 'own thread, in turn', 'here']);
    expect(conversionOf('dataset.jsonld', 20 * MB, false)).toBe('own thread');
  });

  it('on a rebuild: the graph in one thread, the catalogue and the schema.org record in a thread each at once, small files here', () => {
    expect(files.map(([path, bytes]) => conversionOf(path, bytes, true))).toEqual(['own thread', 'own thread', 'own thread', 'here']);
  });
});
