/**
 * Regression tests for what the twelfth round of evaluation showed: people named with no title or post
 * beside them, found by a common given name or beside a person already found, each written as the
 * general rule it is, with the phrases that must not be read as people.
 */
import { describe, expect, it } from 'vitest';
import { isGivenName } from '../../pipeline/extract/lib/gazetteer/given-names.js';
import { extractDataset } from '../helpers.js';

const people = (text: string) => extractDataset(text).people.map((p) => p.name).sort();

describe('given names', () => {
  it('are known in several languages, but not where they are common English words', () => {
    expect(['Sandra', 'Gerhard', 'Ignacio', 'Kate', 'Omar', 'Peter'].filter((name) => !isGivenName(name))).toEqual([]);
    expect(['Grace', 'Will', 'Mark', 'May', 'Hope', 'Bill', 'Ministry'].filter((name) => isGivenName(name))).toEqual([]);
  });
});

describe('people named with no title or post beside them', () => {
  it('by a given name, in a list, after "from", opening a sentence', () => {
    expect(people('At a forum in November 2023 the minister heard from Kate Smith of Telstra, Tom Lee of CyberCX and Raj Patel of Westpac.')).toEqual(['Kate Smith', 'Raj Patel', 'Tom Lee']);
    expect(people('Mauricio Lizcano, who took over the ministry from Sandra Urrutia in August 2023, spoke.')).toEqual(['Mauricio Lizcano', 'Sandra Urrutia']);
    expect(people('The team moved in 2015. Ignacio Soto joined CERTuy in 2015.')).toEqual(['Ignacio Soto']);
  });

  it('whose surname is also the name of a small town ("Smith", "Soto"), but not a country or a large city', () => {
    expect(people('The report thanks Peter Sydney for his help.')).toEqual([]);
    expect(people('The report thanks Daniel Kenya for his help.')).toEqual([]);
  });

  it('never a body, a law, a treaty or a landform that starts with a given name', () => {
    expect(people('Researchers at the Johannes Kepler University found it.')).toEqual([]);
    expect(people('Researchers at Fondazione Bruno Kessler found it.')).toEqual([]);
    expect(people('It follows the Lei Geral de Proteção de Dados of 2018.')).toEqual([]);
    expect(people('The Marco Civil da Internet was adopted in 2014.')).toEqual([]);
    expect(people('The Abraham Accords were signed in 2020.')).toEqual([]);
    expect(people('Drones flew over the Jordan Valley in 2021.')).toEqual([]);
    expect(people('It bought a system from Rafael Advanced Defense Systems in 2019.')).toEqual([]);
  });
});

describe('people beside a person already found', () => {
  it('joined by "and", before or after', () => {
    expect(people('A 2018 study of smart meters by Kavya Iyer and Arjun Menon of IIT Bombay is used.')).toEqual(['Arjun Menon', 'Kavya Iyer']);
    expect(people('Breogán Gonda and Nicolás Jodal founded Artech in 1988.')).toEqual(['Breogán Gonda', 'Nicolás Jodal']);
  });

  it('never a place, a body or a single word', () => {
    expect(people('A study by Arjun Menon and New Zealand officials was published.')).toEqual(['Arjun Menon']);
    expect(people('A study by Arjun Menon and the Reserve Bank of India was published.')).toEqual(['Arjun Menon']);
    expect(people('A study by Arjun Menon and Telstra was published.')).toEqual(['Arjun Menon']);
  });
});
