/**
 * Regression tests for the sixth round of rules, written from the tuning pages, each as the general
 * rule it is.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../helpers.js';

const places = (text: string) => extractDataset(text).places.map((p) => p.name);

describe('a large city named alone, without "in" before it', () => {
  it('is the city when its name is no word of English', () => {
    expect(places('Officials from Baguio have trained with the department. Guadalajara hosts the hub.')).toEqual(['Baguio', 'Guadalajara']);
  });

  it('not a word of English, a small place, a name inside a longer one, nor a name listed beside one already read', () => {
    expect(places('Reading is hard. Nice work.')).toEqual([]);
    expect(places('Minister Santiago Peña spoke. The University of Lisbon met.')).toEqual([]);
    expect(places('Santander and CaixaBank began sharing data.')).toEqual([]);
  });
});

describe('dates and events', () => {
  const events = (text: string) => {
    const dataset = extractDataset(text);
    return dataset.events.map((e) => [e.date, dataset.places.find((p) => p.id === e.locationId)?.name ?? null]);
  };

  it('read two months or days of one year ("between January and June 2009", "from 11 June to 11 July 2010")', () => {
    expect(events('Between January and June 2009 the Czech Republic held the Presidency.')).toEqual([['2009-01/2009-06', null]]);
    expect(events('The World Cup was held from 11 June to 11 July 2010.')).toEqual([['2010-06-11/2010-07-11', null]]);
  });

  it('give no event for a year that names a document or what a report covers', () => {
    expect(events('The Cybercrime Prevention Act of 2012 was signed on 12 September 2012.')).toEqual([['2012-09-12', null]]);
    expect(events('In November 2020 the BIS published its report for 2019.')).toEqual([['2020-11', null]]);
  });

  it('take the city nearer the date, and only a city something is in or at', () => {
    expect(events('Finland held consultations with the US in Washington in mid-2021 and with the UK in London early in 2022.')).toEqual([
      ['2021', 'Washington'],
      ['2022', 'London'],
    ]);
    expect(events('In industry, Singtel acquired Trustwave, a cyber security firm based in Chicago, in April 2015.')).toEqual([['2015-04', null]]);
    expect(events('In the spring of 2018 INCIBE trained response teams from Colombia.')).toEqual([['2018', null]]);
  });
});
