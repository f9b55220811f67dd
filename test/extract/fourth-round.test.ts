/**
 * Regression tests for what the fourth round of evaluation showed the extractor missed or got wrong on the
 * tuning pages, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractText } from '../helpers.js';

const people = (text: string) => mergePages([extractText(text)]).people.map((p) => p.name);

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
