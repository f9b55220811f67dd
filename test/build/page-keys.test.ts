/**
 * The pages' keys a rebuild hashes before deciding anything (see pageKeys): it is told at the first page
 * the cache's pack of summaries lacks, so that a page worker starts while the other pages are hashed,
 * and not at all when every page is held (a rebuild with nothing changed starts no worker). The pages
 * most recently modified are hashed first, so that a page changed since the last build is found first.
 */
import { appendFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { PageCache } from '../../pipeline/build/lib/cache.js';
import { defaultLimits, limitOptions } from '../../pipeline/build/lib/options.js';
import { pageKeys } from '../../pipeline/build/lib/read-pages.js';
import { listPages } from '../../pipeline/build/lib/sources.js';
import { twoPageScratch } from '../helpers.js';

const { source, cache } = twoPageScratch('odp-page-keys-');

async function missingTold(): Promise<number> {
  const { pages } = await listPages(source, { maxFiles: defaultLimits.maxFiles, raise: limitOptions.maxFiles });
  let told = 0;
  const keys = await pageKeys(pages, { source, curation: {}, limits: defaultLimits, cache: await PageCache.open(cache), onFirstMissing: () => told++ });
  expect(keys).toHaveLength(2);
  return told;
}

describe("the pages' keys", () => {
  it('tell once that a page must be read when the cache lacks some, and not at all when it holds every one', async () => {
    expect(await missingTold()).toBe(1);
    expect((await build({ source, cache, keepDataset: false })).ok).toBe(true);
    expect(await missingTold()).toBe(0);
    appendFileSync(join(source, 'page.md'), '\nThe Office of Keys met in Lille on 5 June 2014.\n');
    expect(await missingTold()).toBe(1);
  });

  it('are made the most recently modified page first, and given in the pages’ order', async () => {
    expect((await build({ source, cache, keepDataset: false })).ok).toBe(true);
    const last = join(source, 'second', 'germany-cyber-security.md');
    appendFileSync(last, '\nThe Office of Order met in Nantes on 2 May 2015.\n');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(source, 'page.md'), old, old);
    const held = await PageCache.open(cache);
    const looked: string[] = [];
    const holdsSummary = held.holdsSummary.bind(held);
    held.holdsSummary = (key) => {
      looked.push(key);
      return holdsSummary(key);
    };
    let lookedWhenTold: number | undefined;
    const { pages } = await listPages(source, { maxFiles: defaultLimits.maxFiles, raise: limitOptions.maxFiles });
    const keys = await pageKeys(pages, { source, curation: {}, limits: defaultLimits, cache: held, onFirstMissing: () => (lookedWhenTold = looked.length) });
    // The page changed (the last by path) was the first looked up.
    expect(lookedWhenTold).toBe(1);
    expect(keys!.map((page) => page.relative)).toEqual(['page.md', 'second/germany-cyber-security.md']);
  });
});
