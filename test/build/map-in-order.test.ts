/**
 * Regression: a rebuild's page worker stood idle a second for the one page it had to read. The pages
 * the cache lacks are started first, but their bytes are read from disk, and the summaries of the
 * others, taken from the cache's pack, resolve at once: mapped one after another without a turn of the
 * event loop, they held back the callbacks of the files read meanwhile until the last one was mapped.
 */
import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../pipeline/build/lib/read-pages.js';

describe('mapInOrder', () => {
  it('lets an item waiting on the event loop finish before thousands that wait on nothing are all mapped', async () => {
    const finished: number[] = [];
    const items = Array.from({ length: 5_000 }, (_, index) => index);
    const results = await mapInOrder(items, 4, new Set([4_999]), async (item) => {
      // As a file's callback does (a file read on a busy machine would make the test depend on time).
      if (item === 4_999) await new Promise<void>((resolve) => setImmediate(resolve));
      else await Promise.resolve();
      finished.push(item);
      return item * 2;
    });
    expect(results).toEqual(items.map((item) => item * 2));
    expect(finished.indexOf(4_999)).toBeLessThan(200);
  });
});
