/**
 * Regression tests for what the eleventh round of evaluation (the Uruguay, Latvia and New South Wales
 * tuning pages, written to name people in many ways) showed the extractor missed, each written as the
 * general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { citiesByName } from '../../pipeline/extract/lib/gazetteer/cities.js';
import { extractDataset } from '../helpers.js';

const extract = extractDataset;
const people = (text: string) => extract(text).people.map((p) => p.name).sort();

describe('people', () => {
  it('after a term of office ("the first government of Tabaré Vázquez") or a successor ("succeeding Dominic Perrottet")', () => {
    expect(people('AGESIC was created early in the first government of Tabaré Vázquez.')).toEqual(['Tabaré Vázquez']);
    expect(people('He was sworn in as Premier on 28 March 2023, succeeding Dominic Perrottet.')).toEqual(['Dominic Perrottet']);
  });

  it('before "took office" and before ", who …"', () => {
    expect(people('When Luis Lacalle Pou took office as president on 1 March 2020, he appointed her.')).toEqual(['Luis Lacalle Pou']);
    expect(people('María Laura Rodríguez Etcheverry, who had worked at the central bank, leads it.')).toEqual(['María Laura Rodríguez Etcheverry']);
    expect(people('It met in New Zealand, who had asked for it.')).toEqual([]);
  });

  it('two names that open a sentence and found a body ("Breogán Gonda and Nicolás Jodal founded Artech"), never places', () => {
    expect(people('Uruguay exports software. Breogán Gonda and Nicolás Jodal founded Artech in 1988.')).toEqual(['Breogán Gonda', 'Nicolás Jodal']);
    expect(people('Estonia and Latvia founded it.')).toEqual([]);
  });
});

describe('cities written plainer than the gazetteer writes them', () => {
  it('without diacritics, without the river, with "St." for "Sankt", named as the page writes them', () => {
    expect(citiesByName().get('Can Tho')?.[0]).toMatchObject({ name: 'Can Tho', geonamesId: 1586203 });
    expect(citiesByName().get('Klagenfurt')?.[0]).toMatchObject({ name: 'Klagenfurt', countryCode: 'AT' });
    expect(citiesByName().get('St. Pölten')?.[0]).toMatchObject({ name: 'St. Pölten', countryCode: 'AT' });
    expect(extract('Its shares were listed in New York in June 2021.').places.map((p) => [p.name, p.countryCode])).toEqual([['New York', 'US']]);
  });

  it('never a country\'s name, nor a name a city has as its own', () => {
    expect(citiesByName().get('Mexico')?.every((city) => city.name === 'Mexico')).toBe(true);
    expect(citiesByName().has('Frankfurt')).toBe(true);
  });
});
