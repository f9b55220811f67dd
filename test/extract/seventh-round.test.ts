/**
 * Regression tests for what the seventh round of evaluation showed the extractor missed or got wrong on
 * the tuning pages, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../helpers.js';

const extract = extractDataset;

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

describe('places by their English names', () => {
  it('a city the gazetteer knows by its own name is found by its English one, not a small namesake', () => {
    const places = extract('Talks were held in Washington in 2019 and in Geneva in 2020, and a centre opened in Cologne.').places;
    expect(places.map((p) => [p.name, p.countryCode, p.geonamesId]).sort()).toEqual([
      ['Cologne', 'DE', 2886242],
      ['Geneva', 'CH', 2660646],
      ['Washington', 'US', 4140963],
    ]);
  });

  it('not a country by a spelling that is a word of English ("Island", Iceland\'s own name), but "the US" still', () => {
    expect(extract('Island nations and the US met.').places.map((p) => p.countryCode)).toEqual(['US']);
  });
});
