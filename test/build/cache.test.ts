/**
 * The page cache: an unchanged page's outcome is reused, a changed page, curation or depth limit is read
 * again, a damaged entry is a miss, and a build from the cache gives the same bytes as one without it.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { PageCache, pipelineVersion, pruneCache, versionFolder } from '../../pipeline/build/lib/cache.js';
import { SummaryPack, SummaryPackWriter } from '../../pipeline/build/lib/summary-pack.js';
import { snapshot } from '../cli/run.js';
import { twoPageScratch } from '../helpers.js';

const { source, cache } = twoPageScratch('odp-cache-');
const version = await pipelineVersion();
/** Where this version of the pipeline keeps its entries in a cache folder. */
const entriesIn = (folder: string) => versionFolder(folder, version);

const entries = (): string[] => readdirSync(join(entriesIn(cache), 'pages'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('the page cache', () => {
  it('reads every page the first time and none the second', async () => {
    const cold = await build({ source, cache });
    expect(cold.ok).toBe(true);
    expect(cold.pages).toEqual({ read: 2, fromCache: 0 });
    const warm = await build({ source, cache });
    expect(warm.pages).toEqual({ read: 2, fromCache: 2 });
    const none = await build({ source, cache: false });
    expect([...warm.outputs!]).toEqual([...none.outputs!]);
  });

  it('keeps the gazetteer’s cities, once built by the page workers, in the version’s folder (see keepCityTablesAt)', async () => {
    const kept = deserialize(readFileSync(join(entriesIn(cache), 'cities.v8'))) as { tables: { rowsByName: Map<string, unknown> } };
    expect(kept.tables.rowsByName.has('Paris')).toBe(true);
  });

  it('reads a changed page again, and only that one', async () => {
    appendFileSync(join(source, 'page.md'), '\nThe Office of Tests (OT) met in Lyon on 3 March 2012.\n');
    const changed = await build({ source, cache });
    expect(changed.pages).toEqual({ read: 2, fromCache: 1 });
    expect(changed.dataset!.organizations.map((o) => o.name)).toContain('Office of Tests');
    const none = await build({ source, cache: false });
    expect([...changed.outputs!]).toEqual([...none.outputs!]);
  });

  it('reads every page again when the curation or the depth limit changes', async () => {
    writeFileSync(join(source, 'curation.yml'), 'reject:\n  - text: Office of Tests\n');
    const curated = await build({ source, cache });
    expect(curated.pages).toEqual({ read: 2, fromCache: 0 });
    expect(curated.dataset!.organizations.map((o) => o.name)).not.toContain('Office of Tests');
    expect((await build({ source, cache, limits: { maxDepth: 50 } })).pages).toEqual({ read: 2, fromCache: 0 });
  });

  it('reads the summaries from the last build’s pack, and one it lacks from the page’s own file', async () => {
    // Earlier builds' packs are gone: the pack this build writes holds its two pages only (a pack is
    // appended to, and may hold summaries earlier builds used, see SummaryPackWriter).
    rmSync(join(entriesIn(cache), 'pages.pack'));
    expect((await build({ source, cache })).pages?.fromCache).toBe(2);
    const pack = readFileSync(join(entriesIn(cache), 'pages.pack'), 'utf8').split('\n');
    expect(pack.pop()).toBe('');
    expect(pack).toHaveLength(2);
    // Own files damaged: the pack serves.
    const own = new Map(entries().map((entry) => [entry, readFileSync(entry)]));
    for (const entry of own.keys()) writeFileSync(entry, '{"records": {"docu');
    const fromPack = await build({ source, cache });
    expect(fromPack.pages?.fromCache).toBe(2);
    expect([...fromPack.outputs!]).toEqual([...(await build({ source, cache: false })).outputs!]);
    // A pack cut short serves what it holds; the other page's own file serves the rest.
    for (const [entry, bytes] of own) writeFileSync(entry, bytes);
    writeFileSync(join(entriesIn(cache), 'pages.pack'), `${pack[0]}\n${pack[1]!.slice(0, 100)}`);
    const partly = await build({ source, cache });
    expect(partly.pages?.fromCache).toBe(2);
    expect([...partly.outputs!]).toEqual([...fromPack.outputs!]);
  });

  it('takes a damaged entry for a miss', async () => {
    expect((await build({ source, cache })).pages?.fromCache).toBe(2);
    for (const entry of entries()) writeFileSync(entry, '{"records": {"docu');
    const pack = join(entriesIn(cache), 'pages.pack');
    writeFileSync(pack, readFileSync(pack, 'utf8').replace(/\t\{/g, '\t{"named": {"docu'));
    const damaged = await build({ source, cache });
    expect(damaged.ok).toBe(true);
    expect(damaged.pages?.fromCache).toBe(0);
    const none = await build({ source, cache: false });
    expect([...damaged.outputs!]).toEqual([...none.outputs!]);
  });

  it('takes an entry whose records were deleted for a miss, even when its summary is there', async () => {
    expect((await build({ source, cache, keepDataset: false })).pages?.fromCache).toBe(2);
    rmSync(join(entriesIn(cache), 'records'), { recursive: true });
    rmSync(join(entriesIn(cache), 'chunks'), { recursive: true, force: true });
    const partial = await build({ source, cache, keepDataset: false });
    expect(partial.ok).toBe(true);
    expect(partial.pages?.fromCache).toBe(0);
    const none = await build({ source, cache: false, keepDataset: false });
    expect([...partial.outputs!]).toEqual([...none.outputs!]);
  });
});

describe('a damaged file of records in the cache (entries are written whole: damaged by hand)', () => {
  const scratch = twoPageScratch('odp-cache-damaged-');
  const recordFiles = () => readdirSync(join(entriesIn(scratch.cache), 'records'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const stopsOn = (result: Awaited<ReturnType<typeof build>>, path: string) => {
    expect(result.ok).toBe(false);
    const messages = result.files.flatMap((file) => file.messages.map((message) => ({ path: file.path, ruleId: message.ruleId, reason: message.reason })));
    expect(messages).toEqual([{ path, ruleId: 'cache-damaged', reason: expect.stringMatching(/^Cache entry cannot be read back \(damaged\): it was removed, and the next build reads its page again/) }]);
  };

  it('stops the build with an error naming it, not an internal error, and the next build reads its page again', async () => {
    const { source, cache } = scratch;
    expect((await build({ source, cache })).ok).toBe(true);
    const [damaged] = recordFiles();
    writeFileSync(damaged!, '{"document": {"id"');
    stopsOn(await build({ source, cache }), damaged!);
    expect(recordFiles()).not.toContain(damaged);
    const healed = await build({ source, cache });
    expect(healed.pages).toEqual({ read: 2, fromCache: 1 });
    expect([...healed.outputs!]).toEqual([...(await build({ source, cache: false })).outputs!]);
  });

  it('does so when a page worker makes the chunk, and leaves the output folder as it was', async () => {
    const { scratch: folder, source, cache } = scratch;
    const out = join(folder, 'out');
    expect((await build({ source, cache, out, keepDataset: false })).ok).toBe(true);
    const before = snapshot(out);
    // The other page changed (the workers run), and no chunk is kept: every page's chunk is made from its records.
    appendFileSync(join(source, 'second', readdirSync(join(source, 'second')).find((name) => name.endsWith('.md'))!), '\nThe Office of Tests (OT) met in Lyon on 3 March 2012.\n');
    rmSync(join(entriesIn(cache), 'chunks'), { recursive: true, force: true });
    // The records of the page that did not change (the other's are made afresh).
    const damaged = recordFiles().find((path) => !readFileSync(path, 'utf8').includes('germany'))!;
    writeFileSync(damaged, 'null');
    stopsOn(await build({ source, cache, out, keepDataset: false }), damaged);
    expect(snapshot(out)).toEqual(before);
    const healed = await build({ source, cache, out, keepDataset: false });
    expect(healed.ok).toBe(true);
    // The changed page was kept by the build that stopped; the other is read again.
    expect(healed.pages).toEqual({ read: 2, fromCache: 1 });
    const fresh = join(folder, 'fresh');
    expect((await build({ source, cache: false, out: fresh, keepDataset: false })).ok).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });
});

describe('the pack of summaries a build writes', () => {
  const { scratch } = twoPageScratch('odp-cache-pack-');
  const key = (n: number) => n.toString(16).padStart(64, '0');
  // Summaries of over 1 MB in all, what the writer gathers before its first write: its partial file is on disk.

  it('is deleted, not left in the cache, when the build stops before keeping it; the last pack stays as it was', async () => {
    const folder = entriesIn(join(scratch, 'abandoned'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'pages.pack'), 'the last pack\n');
    const cache = await PageCache.open(join(scratch, 'abandoned'));
    const message = { reason: 'x'.repeat(400), ruleId: 'test', fatal: false };
    for (let n = 0; n < 2600; n++) await cache.set(key(n), { summary: { messages: [message], curationUsed: [] } });
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toHaveLength(1);
    await cache.close();
    expect(readdirSync(folder).sort()).toEqual(['last-used', 'pages', 'pages.pack']);
    expect(readFileSync(join(folder, 'pages.pack'), 'utf8')).toBe('the last pack\n');
  });

  /** A pack at `path` of the summaries `from` to `to` (exclusive), written whole. */
  const packOf = async (path: string, from: number, to: number, filler = 'x'.repeat(400)) => {
    const writer = new SummaryPackWriter(path);
    for (let n = from; n < to; n++) writer.add(key(n), JSON.stringify({ messages: [], curationUsed: [], n, filler }));
    await writer.finish();
  };

  /** What a build does with the pack at `path`: uses the summaries `used` of `last`, adds those `added`, keeps the pack. */
  const nextPack = async (path: string, last: SummaryPack, used: Iterable<number>, added: Iterable<number>) => {
    const writer = new SummaryPackWriter(path);
    writer.startFrom(last);
    for (const n of used) writer.add(key(n), last.text(key(n))!.toString());
    for (const n of added) writer.add(key(n), JSON.stringify({ messages: [], curationUsed: [], n }));
    await writer.finish();
    last.close();
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

  /** The files the process holds open whose paths start with `prefix` (Linux: /proc/self/fd). */
  const openUnder = (prefix: string) =>
    readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const target = readlinkSync(join('/proc/self/fd', fd));
        return target.startsWith(prefix) ? [target] : [];
      } catch {
        return [];
      }
    });

  it.skipIf(!existsSync('/proc/self/fd'))('leaves no file open once finished, made anew or appended to, however little was added', async () => {
    // Less than a write's worth: the only write is the one finish makes, which opens the file.
    const path = join(scratch, 'closed', 'pages.pack');
    await packOf(path, 0, 3);
    expect(openUnder(join(scratch, 'closed'))).toEqual([]);
    await nextPack(path, await SummaryPack.read(path), range(0, 3), [3]);
    expect(openUnder(join(scratch, 'closed'))).toEqual([]);
  });

  it('is read without being held whole: a summary is read from the file when asked for', async () => {
    // Regression: a rebuild of 10,000 pages held the last pack (130 MB) while it parsed the summaries, its peak.
    const path = join(scratch, 'large', 'pages.pack');
    await packOf(path, 0, 2000, 'x'.repeat(20_000));
    const before = process.memoryUsage().arrayBuffers;
    const pack = await SummaryPack.read(path);
    expect(pack.size).toBe(2000);
    expect(pack.whole).toBe(true);
    for (const n of [0, 1, 2, 1999, 1000, 1001]) expect(JSON.parse(pack.text(key(n))!.toString()).n).toBe(n);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20_000_000);
    pack.close();
  });

  it('on a rebuild, gets the summaries the last pack lacks appended, and keeps the others where they are', async () => {
    const path = join(scratch, 'appended', 'pages.pack');
    await packOf(path, 0, 3000);
    const size = statSync(path).size;
    // Key 7 is given again as added: the pack holds it, it is not written twice.
    await nextPack(path, await SummaryPack.read(path), range(0, 2999), [5000, 7]);
    const line = `${key(5000)}\t${JSON.stringify({ messages: [], curationUsed: [], n: 5000 })}\n`;
    expect(statSync(path).size).toBe(size + Buffer.byteLength(line));
    const now = await SummaryPack.read(path);
    expect(now.size).toBe(3001);
    expect(JSON.parse(now.text(key(7))!.toString()).n).toBe(7);
    expect(JSON.parse(now.text(key(5000))!.toString()).n).toBe(5000);
    now.close();
  });

  it('is made anew of the summaries used when most of its lines are of pages no build reads any more', async () => {
    const path = join(scratch, 'compacted', 'pages.pack');
    await packOf(path, 0, 3000);
    await nextPack(path, await SummaryPack.read(path), range(2000, 2500), [9000]);
    const now = await SummaryPack.read(path);
    expect(now.size).toBe(501);
    expect(now.has(key(1999))).toBe(false);
    for (const n of [2000, 2499, 9000]) expect(JSON.parse(now.text(key(n))!.toString()).n).toBe(n);
    expect(readdirSync(dirname(path))).toEqual(['pages.pack']);
    now.close();
  });

  it('cut short, is read as far as it is whole, and made anew at the next build', async () => {
    const path = join(scratch, 'cut', 'pages.pack');
    await packOf(path, 0, 100);
    truncateSync(path, statSync(path).size - 10);
    const last = await SummaryPack.read(path);
    expect(last.whole).toBe(false);
    expect(last.size).toBe(99);
    await nextPack(path, last, range(0, 99), [99]);
    const now = await SummaryPack.read(path);
    expect(now.whole).toBe(true);
    expect(now.size).toBe(100);
    expect(JSON.parse(now.text(key(99))!.toString()).n).toBe(99);
    now.close();
  });

  it('once kept, is left in place by the end of the build', async () => {
    const path = join(scratch, 'kept', 'pages.pack');
    const writer = new SummaryPackWriter(path);
    for (let n = 0; n < 3000; n++) writer.add(key(n), JSON.stringify({ messages: [], curationUsed: [], filler: 'x'.repeat(400) }));
    await writer.finish();
    await writer.abandon();
    expect(readdirSync(dirname(path))).toEqual(['pages.pack']);
    expect((await SummaryPack.read(path)).size).toBe(3000);
  });
});

describe('the versions of the pipeline in a cache folder', () => {
  const { scratch } = twoPageScratch('odp-cache-versions-');
  const built = twoPageScratch('odp-cache-prune-');
  const hour = 60 * 60 * 1000;
  const now = Date.parse('2026-11-29T12:00:00Z');
  /** A version's folder, with an entry, last used `ago` milliseconds before `now`. */
  const versionUsed = (folder: string, name: string, ago: number) => {
    const entries = versionFolder(folder, name);
    mkdirSync(join(entries, 'pages', 'aa'), { recursive: true });
    writeFileSync(join(entries, 'pages', 'aa', 'entry.json'), '{}');
    writeFileSync(join(entries, 'last-used'), '');
    utimesSync(join(entries, 'last-used'), (now - ago) / 1000, (now - ago) / 1000);
  };
  const versionsIn = (folder: string) => readdirSync(join(folder, 'versions')).sort();

  it('keeps the current version and the one used last before it, and deletes the older ones whole', async () => {
    const folder = join(scratch, 'older');
    for (const [name, ago] of [['c'.repeat(16), 1 * hour + 1], ['a'.repeat(16), 3 * hour], ['b'.repeat(16), 2 * hour], ['d'.repeat(16), 2 * hour]] as const) versionUsed(folder, name, ago);
    const deleted = await pruneCache(folder, 'd'.repeat(64), { now });
    expect(deleted.sort()).toEqual(['a'.repeat(16), 'b'.repeat(16)]);
    expect(versionsIn(folder)).toEqual(['c'.repeat(16), 'd'.repeat(16)]);
  });

  it('keeps a version used within the hour, a build of it may be running; and deletes a folder no build marked used', async () => {
    const folder = join(scratch, 'recent');
    versionUsed(folder, 'a'.repeat(16), 10 * 60 * 1000);
    versionUsed(folder, 'b'.repeat(16), 20 * 60 * 1000);
    mkdirSync(join(folder, 'versions', 'e'.repeat(16), 'chunks'), { recursive: true });
    expect(await pruneCache(folder, 'c'.repeat(64), { now })).toEqual(['e'.repeat(16)]);
    expect(versionsIn(folder)).toEqual(['a'.repeat(16), 'b'.repeat(16)]);
  });

  it('deletes the entries kept before versions had folders of their own, and nothing else of the folder', async () => {
    const folder = join(scratch, 'unversioned');
    for (const name of ['pages', 'records', 'chunks']) mkdirSync(join(folder, name, 'aa'), { recursive: true });
    writeFileSync(join(folder, 'pages.pack'), 'a pack\n');
    mkdirSync(join(folder, 'builds'));
    await pruneCache(folder, 'c'.repeat(64), { now });
    expect(readdirSync(folder).sort()).toEqual(['builds']);
  });

  it('is done when a build ends: a build marks its version used, and its entries stay', async () => {
    const { source, cache } = built;
    versionUsed(cache, 'a'.repeat(16), 30 * 24 * hour);
    versionUsed(cache, 'b'.repeat(16), 40 * 24 * hour);
    const before = Date.now();
    expect((await build({ source, cache })).ok).toBe(true);
    expect(versionsIn(cache)).toEqual(['a'.repeat(16), basename(entriesIn(cache))].sort());
    expect(statSync(join(entriesIn(cache), 'last-used')).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
    expect((await build({ source, cache })).pages?.fromCache).toBe(2);
  });
});
