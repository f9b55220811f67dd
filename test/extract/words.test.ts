/**
 * The word tests every finder asks (isCapitalised, isAcronym) answer most words from their first
 * letters and look up the rest; both ways must give the answer the rules give. And the form finder,
 * which finds a page's known names in each passage, indexes the names once.
 */
import { describe, expect, it } from 'vitest';
import { formFinder, isAcronym, isCapitalised, tokenize } from '../../pipeline/extract/lib/tokens.js';

describe('isCapitalised', () => {
  it.each([
    ['Paris', true],
    ['ANSSI', true],
    ['Élysée', true],
    ['Łódź', true],
    ['eSafety', true],
    ['iPhone', true],
    ['éCole', false],
    ['a', false],
    ['e', false],
    ['agency', false],
    ['eu', false],
    ['ministère', false],
    ['2016', false],
    ['&', false],
    ['', false],
    ['über', false],
    ['aB', false],
  ])('%s: %s', (word, expected) => {
    expect(isCapitalised(word)).toBe(expected);
    // Asked again, from memory where it was looked up.
    expect(isCapitalised(word)).toBe(expected);
  });
});

describe('isAcronym', () => {
  it.each([
    ['ANSSI', true],
    ['CoE', true],
    ['G8', true],
    ['CERT-EU', true],
    ['ÉU', true],
    ['Paris', false],
    ['Mr', false],
    ['anssi', false],
    ['8G', false],
    ['', false],
    ['ABCDEFGHIJKL', true],
    ['ABCDEFGHIJKLM', false],
    ['ÉÉÉÉÉÉÉÉÉÉÉÉÉ', false],
  ])('%s: %s', (word, expected) => {
    expect(isAcronym(word)).toBe(expected);
    expect(isAcronym(word)).toBe(expected);
  });
});

describe('formFinder', () => {
  const find = (forms: Map<string, string>, text: string) => formFinder(forms)(text, tokenize(text)).map(({ start, end, value }) => [text.slice(start, end), value]);

  it('finds each form as whole words, the longest at each word', () => {
    const forms = new Map([
      ['Bank', 'short'],
      ['Bank of Canada', 'long'],
      ['Telstra', 'telstra'],
    ]);
    expect(find(forms, 'The Bank of Canada and Telstra, not Telstras nor the Bank.')).toEqual([
      ['Bank of Canada', 'long'],
      ['Telstra', 'telstra'],
      ['Bank', 'short'],
    ]);
  });

  it('finds the same forms in every passage it is given, and not forms added after it was made', () => {
    const forms = new Map([['Kate Smith', 'Kate Smith']]);
    const spans = formFinder(forms);
    forms.set('Smith', 'Kate Smith');
    for (const text of ['Kate Smith spoke.', 'Then Kate Smith left; Smith stayed.']) {
      expect(spans(text, tokenize(text)).map(({ start, end }) => text.slice(start, end))).toEqual(['Kate Smith']);
    }
  });
});
