/**
 * Regression test: the finders remember their answer for each word they are asked about (isAcronym,
 * isCapitalised). A word cut from a page's text is, to V8, a slice of that text, and kept as the key
 * it kept the whole page alive: a page worker's heap grew with every page it read.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/build/lib/collect.js';
import { isAcronym, isCapitalised } from '../../pipeline/extract/lib/tokens.js';

/**
 * The heap still held, once collected, after `ask` was asked about `word(page)`, cut from the end of
 * each of 8 pages of 4 MB. V8 copies a cut of fewer than 13 characters and keeps a longer one as a
 * slice of its page, so the words are long; isCapitalised answers a word opening with an ASCII letter
 * from its first letters, and looks up only the others, such as one opening with É.
 */
function heldAfterPages(ask: (word: string) => boolean, word: (page: number) => string): number {
  collectGarbage(0);
  const before = process.memoryUsage().heapUsed;
  for (let page = 0; page < 8; page++) {
    const text = `${'lorem ipsum '.repeat(350_000)}${word(page)}`;
    ask(text.slice(text.length - word(page).length));
  }
  collectGarbage(0);
  return process.memoryUsage().heapUsed - before;
}

describe('the memory of words', () => {
  it('keeps no page alive through isAcronym', () => {
    expect(heldAfterPages(isAcronym, (page) => `AInterdepartmental${page}Cyberresilience`)).toBeLessThan(8 * 2 ** 20);
  });

  it('keeps no page alive through isCapitalised', () => {
    expect(heldAfterPages(isCapitalised, (page) => `Élysée${page}Interdepartmental`)).toBeLessThan(8 * 2 ** 20);
  });
});
