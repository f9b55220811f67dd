/**
 * Regression tests for what the fourth round of evaluation showed the extractor missed or got wrong on the
 * tuning pages, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../helpers.js';

const people = (text: string) => extractDataset(text).people.map((p) => p.name);

describe('people', () => {
  it('whose first name or surname is also a month\'s ("Jan Hamáček", "Theresa May"), but not a month before a year', () => {
    expect(people('Minister of the Interior Jan Hamáček opened a centre.')).toEqual(['Jan Hamáček']);
    expect(people('Prime Minister Theresa May spoke.')).toEqual(['Theresa May']);
    expect(people('Prime Minister Theresa in May 2018 spoke.')).toEqual([]);
  });

  it('named before a post in lower case ("Ondřej Filip, executive director of CZ.NIC")', () => {
    expect(people('Ondřej Filip, executive director of CZ.NIC, says the teams exchange data.')).toEqual(['Ondřej Filip']);
    expect(people('It handled 40,000 incidents, according to Javier Candau, head of cybersecurity at the CCN.')).toEqual(['Javier Candau']);
  });

  it('who lead a named body ("Félix Sanz Roldán led the CNI from 2009 to 2019")', () => {
    expect(people('Félix Sanz Roldán led the CNI from 2009 to 2019.')).toEqual(['Félix Sanz Roldán']);
  });

  it('never a place before such words, nor the name of a thing after a title word', () => {
    expect(people('Buenos Aires, capital of Argentina, grew. New Zealand led the talks.')).toEqual([]);
    expect(people('President Michel Temer signed the General Data Protection Law.')).toEqual(['Michel Temer']);
    expect(people('He was appointed Minister for Cyber Security, the first minister to hold that portfolio.')).toEqual([]);
  });
});

describe('people, continued', () => {
  it('before a capitalised post set off by commas, and of four words', () => {
    expect(people('Micaela Sánchez Malcolm, Secretary of Public Innovation, chairs the committee. Ms Sánchez Malcolm spoke.')).toEqual(['Micaela Sánchez Malcolm']);
    expect(people('- Juan Ignacio Pérez García, national director of cybersecurity;')).toEqual(['Juan Ignacio Pérez García']);
  });

  it('after "led … by", and after an occupation, alone or before two names', () => {
    expect(people('It has been led since March 2020 by Beatriz de Anchorena.')).toEqual(['Beatriz de Anchorena']);
    expect(people('Its authors, researchers Kristian von Bonsdorff and Johanna Frost, found it.')).toEqual(['Johanna Frost', 'Kristian von Bonsdorff']);
    expect(people('It included the records of footballer Lionel Messi.')).toEqual(['Lionel Messi']);
  });
});

describe('places', () => {
  const places = (text: string) => extractDataset(text).places.map((p) => p.name);

  it('cities listed together, without a preposition', () => {
    expect(places('Buenos Aires, Córdoba and Rosario host most of the industry.').sort()).toEqual(['Buenos Aires', 'Córdoba', 'Rosario']);
  });

  it('not a word of English in such a list, nor a city\'s name inside a longer name', () => {
    expect(places('Reading and Bath host it.')).toEqual([]);
    expect(places('It was one of the first countries in Central Europe to act.')).toEqual([]);
  });

  it('not a city that names a document ("the Budapest Convention"), but one that names an event', () => {
    expect(places('It acceded to the Budapest Convention in 2018.')).toEqual([]);
    expect(places('It attended the Lisbon Summit in 2010.')).toEqual(['Lisbon']);
  });
});

describe('organisations', () => {
  const names = (text: string) => extractDataset(text).organizations.map((o) => o.name);

  it('a name said to be founded, and a name a place\'s "-based" describes, but not a place founded', () => {
    expect(names('F-Secure, founded in Helsinki in 1988, split. Helsinki, founded in 1550, grew.')).toEqual(['F-Secure']);
    expect(names('Buenos Aires-based Mercado Libre reported it.')).toEqual(['Mercado Libre']);
  });

  it('a head in another language takes only its own connecting words ("Banco Galicia and Telecom Argentina" are two)', () => {
    expect(names('It ran an exercise with Banco Nación, Banco Galicia and Telecom Argentina.')).toEqual(['Banco Galicia', 'Banco Nación', 'Telecom Argentina']);
  });

  it('an unknown name with its country after it, in a list ("O2 Czech Republic"), is not a mention of the country', () => {
    const dataset = extractDataset('ČEZ, Komerční banka, O2 Czech Republic and the Czech National Bank took part.');
    expect(dataset.organizations.map((o) => o.name)).toEqual(['ČEZ', 'Czech National Bank', 'Komerční banka', 'O2 Czech Republic']);
    expect(dataset.mentions.filter((m) => m.entityType === 'place')).toEqual([]);
  });

  it('"to" inside a complement, not right after the head', () => {
    expect(names('The Agency for Access to Public Information opened. They moved the Agency to Brno.')).toEqual(['Agency for Access to Public Information']);
  });
});
