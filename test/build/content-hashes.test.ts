/**
 * A rebuild takes the hash of a page's bytes from the last build when the page's file is the same file,
 * unchanged (see ContentHashes and PageSource.identity), and reads and hashes every other page: one
 * edited since is read again even with its size and time of modification put back.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { PageCache, pipelineVersion, versionFolder } from '../../pipeline/build/lib/cache.js';
import { ContentHashes, contentHash } from '../../pipeline/build/lib/content-hashes.js';
import { defaultLimits, limitOptions } from '../../pipeline/build/lib/options.js';
import type { PageTask } from '../../pipeline/build/lib/page-task.js';
import { pageKeys } from '../../pipeline/build/lib/read-pages.js';
import { listPages, settledAfter } from '../../pipeline/build/lib/sources.js';
import { twoPageScratch } from '../helpers.js';

const hashesFile = async (cache: string) => join(versionFolder(cache, await pipelineVersion()), 'content-hashes.json');

describe('ContentHashes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'odp-content-hashes-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const bytes = new TextEncoder().encode('# Page\n');

  it('gives a hash back for the identity it was made with, and for no other', async () => {
    const path = join(folder, 'kept.json');
    const made = ContentHashes.empty();
    expect(made.hash('page.md', 'identity-1', bytes)).toBe(contentHash(bytes));
    made.hash('unsettled.md', undefined, bytes);
    await made.write(path);
    const read = await ContentHashes.read(path);
    expect(read.hashOf('page.md', 'identity-1')).toBe(contentHash(bytes));
    expect(read.hashOf('page.md', 'identity-2')).toBeUndefined();
    // A page hashed without an identity is not kept.
    expect(read.hashOf('unsettled.md', 'any')).toBeUndefined();
  });

  it('is empty when its file is missing or damaged, and leaves out an entry of the wrong shape', async () => {
    expect((await ContentHashes.read(join(folder, 'none.json'))).hashOf('page.md', 'identity-1')).toBeUndefined();
    const damaged = join(folder, 'damaged.json');
    writeFileSync(damaged, '{"pages":[["page.md","identity-1","');
    expect((await ContentHashes.read(damaged)).hashOf('page.md', 'identity-1')).toBeUndefined();
    const odd = join(folder, 'odd.json');
    writeFileSync(odd, JSON.stringify({ pages: [['a.md', 'identity-1', 'not a hash'], ['b.md', 'identity-1', contentHash(bytes)], ['c.md', 1, contentHash(bytes)]] }));
    const read = await ContentHashes.read(odd);
    expect([read.hashOf('a.md', 'identity-1'), read.hashOf('b.md', 'identity-1'), read.hashOf('c.md', '1')]).toEqual([undefined, contentHash(bytes), undefined]);
  });

  it('is not written again when a build found every page as the last one left it, and drops a page gone', async () => {
    const path = join(folder, 'same.json');
    const first = ContentHashes.empty();
    first.hash('a.md', 'identity-a', bytes);
    first.hash('b.md', 'identity-b', bytes);
    await first.write(path);
    const written = statSync(path).ino;
    const same = await ContentHashes.read(path);
    same.hashOf('a.md', 'identity-a');
    same.hashOf('b.md', 'identity-b');
    await same.write(path);
    expect(statSync(path).ino).toBe(written);
    const fewer = await ContentHashes.read(path);
    fewer.hashOf('a.md', 'identity-a');
    await fewer.write(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pages: [['a.md', 'identity-a', contentHash(bytes)]] });
  });
});

describe("a rebuild's keys", () => {
  const { source, cache } = twoPageScratch('odp-content-hashes-build-');
  const page = join(source, 'page.md');

  /** Waits until every page last changed long enough ago to have an identity. */
  const settled = async () => {
    const changed = Math.max(...[page, join(source, 'second', 'germany-cyber-security.md')].map((path) => Number(statSync(path, { bigint: true }).ctimeNs / 1_000_000n)));
    await sleep(Math.max(0, changed + settledAfter + 50 - Date.now()));
  };

  it('are made without reading a page whose file is as the last build found it, and the same as when it is read', async () => {
    await settled();
    expect((await build({ source, cache, keepDataset: false })).ok).toBe(true);
    const kept = JSON.parse(readFileSync(await hashesFile(cache), 'utf8')) as { pages: string[][] };
    expect(kept.pages.map(([relative, , hash]) => [relative, hash])).toEqual([
      ['page.md', contentHash(readFileSync(page))],
      ['second/germany-cyber-security.md', contentHash(readFileSync(join(source, 'second', 'germany-cyber-security.md')))],
    ]);
    const { pages } = await listPages(source, { maxFiles: defaultLimits.maxFiles, raise: limitOptions.maxFiles });
    const keysOf = async (cacheHeld: PageCache) => (await pageKeys(pages, { source, curation: {}, limits: defaultLimits, cache: cacheHeld }))!.map(({ key }) => key);
    const held = await PageCache.open(cache);
    const read: string[] = [];
    const key = held.key.bind(held);
    held.key = (task: PageTask, identity?: string) => {
      read.push(task.relativePath);
      return key(task, identity);
    };
    const known = await keysOf(held);
    expect(read).toEqual([]);
    // Without the hashes kept, every page is read: the keys are the same.
    const fresh = await PageCache.open(join(cache, '..', 'cache-without-hashes'));
    expect(await keysOf(fresh)).toEqual(known);
  });

  it('read a page edited since with its size and time of modification put back', async () => {
    expect((await build({ source, cache, keepDataset: false })).ok).toBe(true);
    const text = readFileSync(page, 'utf8');
    const { mtime, size } = statSync(page);
    // The same number of bytes: the agency renamed with a word of as many letters.
    const edited = text.replace('National Cyber Security Agency', 'National Cyber Strategy Agency');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(page, edited);
    utimesSync(page, mtime, mtime);
    expect(statSync(page).size).toBe(size);
    await settled();
    const rebuilt = await build({ source, cache, keepDataset: true });
    expect(rebuilt.ok).toBe(true);
    expect(rebuilt.pages).toEqual({ read: 2, fromCache: 1 });
    expect(rebuilt.dataset!.organizations.map((o) => o.name)).toContain('National Cyber Strategy Agency');
  });
});
