/**
 * Regression tests for what the fifth round of evaluation showed the extractor missed or got wrong on the
 * tuning pages, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../helpers.js';

const extract = extractDataset;
const people = (text: string) => extract(text).people.map((p) => p.name);
const names = (text: string) => extract(text).organizations.map((o) => o.name);

describe('people', () => {
  it('with a generational suffix ("Benigno Aquino III", "Ferdinand Marcos Jr.")', () => {
    expect(people('The act, which President Benigno Aquino III signed on 23 May 2016, took effect.')).toEqual(['Benigno Aquino III']);
    expect(people('President Ferdinand Marcos Jr. has described it.')).toEqual(['Ferdinand Marcos Jr.']);
  });

  it('before ", appointed …", after "Undersecretary", and with a particle after a post\'s complement', () => {
    expect(people('Ivan John Uy, appointed Secretary of Information in 2022, spoke.')).toEqual(['Ivan John Uy']);
    expect(people('It is headed by Undersecretary Jeffrey Ian Dy.')).toEqual(['Jeffrey Ian Dy']);
    expect(people('In March 2022 Minister of the Presidency Mariana Vieira da Silva announced a plan.')).toEqual(['Mariana Vieira da Silva']);
  });
});

describe('organisations', () => {
  it('with a particle inside ("Ateneo de Manila University"), and two names of one head joined by "and"', () => {
    expect(names('Ateneo de Manila University, De La Salle University and Mapúa University offer degrees.')).toEqual([
      'Ateneo de Manila University',
      'De La Salle University',
      'Mapúa University',
    ]);
  });

  it('"House of …", "… Staff", and names in Filipino', () => {
    expect(names('The House of Representatives (Kapulungan ng mga Kinatawan) took its website offline.')).toEqual(['House of Representatives']);
    expect(names('The Bangko Sentral ng Pilipinas (BSP), the central bank, issued rules.')).toEqual(['Bangko Sentral ng Pilipinas']);
  });

  it('a name read once is the organisation wherever else the page writes it, and so makes a list', () => {
    const dataset = extract('DITO Telecommunity, the third mobile operator, launched in 2021. In 2023 PLDT, Globe Telecom and DITO Telecommunity joined a drill.');
    expect(dataset.organizations.map((o) => o.name)).toEqual(['DITO Telecommunity', 'Globe Telecom', 'PLDT']);
    expect(dataset.mentions.filter((m) => m.quote === 'DITO Telecommunity')).toHaveLength(2);
  });

  it('not a name after ", and" that joins two clauses', () => {
    expect(names('The Philippines is a founding member of ASEAN, and Manila hosted the summit.')).toEqual(['Association of Southeast Asian Nations']);
  });

  it('the European Communities, from the gazetteer', () => {
    expect(extract('Portugal joined the European Communities on 1 January 1986.').organizations.map((o) => [o.name, o.category])).toEqual([
      ['European Communities', 'internationalOrganization'],
    ]);
  });
});

describe('countries', () => {
  it('by English short names the gazetteer lacks ("Turkey", "Cabo Verde", "Britain")', () => {
    expect(extract('Turkey, Cabo Verde and Britain signed it.').places.map((p) => p.countryCode).sort()).toEqual(['CV', 'GB', 'TR']);
  });
});
