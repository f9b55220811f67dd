/**
 * Regression tests for what the seventh round of evaluation showed the extractor missed or got wrong on
 * the tuning pages, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractText } from '../helpers.js';

const extract = (text: string) => mergePages([extractText(text)]);

describe('people', () => {
  it('after an abbreviated title with its full stop ("Dr. Megat Zuhairy", "Mr. Smith")', () => {
    expect(extract("NACSA's Chief Executive, Ir. Dr. Megat Zuhairy Megat Tajuddin, may issue directives.").people.map((p) => [p.name, p.roles])).toEqual([
      ['Megat Zuhairy Megat Tajuddin', ['Ir. Dr.']],
    ]);
    expect(extract('Mr. John Smith spoke.').people.map((p) => p.name)).toEqual(['John Smith']);
  });

  it('after a Malaysian title ("Datuk Seri Anwar Ibrahim"), and before ", governed"', () => {
    expect(extract('Datuk Seri Anwar Ibrahim, who became Prime Minister in 2022, spoke.').people.map((p) => p.name)).toEqual(['Anwar Ibrahim']);
    expect(extract('His predecessor, Iván Duque, governed from 2018 to 2022.').people.map((p) => p.name)).toEqual(['Iván Duque']);
  });
});

describe('organisations', () => {
  it('two names joined by "and" when an acronym follows it, and a camel-case name with its country', () => {
    expect(extract('In mid-2023 Maybank and CIMB Group met CyberSecurity Malaysia.').organizations.map((o) => o.name)).toEqual(['CIMB Group', 'CyberSecurity Malaysia', 'Maybank']);
  });
});
