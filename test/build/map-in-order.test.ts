/**
 * Regression: a rebuild's page worker stood idle a second for the one page it had to read. The pages
 * the cache lacks are started first, but their bytes are read from disk, and the summaries of the
 * others, taken from the cache's pack, resolve at once: mapped one after another without a turn of the
 * event loop, they held back the callbacks of the files read meanwhile until the last one was mapped.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../pipeline/build/lib/read-pages.js';

describe('mapInOrder', () => {
  it('lets an item waiting on a file finish before thousands that wait on nothing are all mapped', async () => {
    const finished: number[] = [];
    const items = Array.from({ length: 5_000 }, (_, index) => index);
    const results = await mapInOrder(items, 4, new Set([4_999]), async (item) => {
      if (item === 4_999) await readFile(fileURLToPath(import.meta.url));
      else await Promise.resolve();
      finished.push(item);
      return item * 2;
    });
    expect(results).toEqual(items.map((item) => item * 2));
    expect(finished.indexOf(4_999)).toBeLessThan(1_000);
  });
});
