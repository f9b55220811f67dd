/**
 * Regression tests for what the ninth round of evaluation (the Italy, Nigeria, South Korea and Denmark
 * tuning pages) showed the extractor missed or got wrong, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../pipeline/extract/lib/tokens.js';
import { extractDataset } from '../helpers.js';

const extract = extractDataset;
const people = (text: string) => extract(text).people.map((p) => p.name);
const organizations = (text: string) => extract(text).organizations.map((o) => o.name);

describe('people', () => {
  it('a name before ", who took office" or ", who headed the …": "who" speaks of a person', () => {
    expect(people('Bola Ahmed Tinubu, who took office as President on 29 May 2023, appointed a new adviser.')).toEqual(['Bola Ahmed Tinubu']);
    expect(people('Cho Tae-yong, who headed the NSO from March 2023, became director of the service.')).toEqual(['Cho Tae-yong']);
    expect(people('New Zealand, who took office as chair of the group, met.')).toEqual([]);
  });

  it('a name before a post in lower case and when it was held ("Mario Draghi, prime minister from February 2021")', () => {
    expect(people('The reform was a priority for Mario Draghi, prime minister from February 2021 to October 2022.')).toEqual(['Mario Draghi']);
  });

  it('after two occupations joined by "and" ("the physician and programmer Ahn Cheol-soo"), and "Mr Ahn" is him', () => {
    const dataset = extract('AhnLab was founded by the physician and programmer Ahn Cheol-soo; Mr Ahn later entered politics.');
    expect(dataset.people.map((p) => p.name)).toEqual(['Ahn Cheol-soo']);
    expect(dataset.mentions.filter((m) => m.entityId === dataset.people[0]!.id)).toHaveLength(2);
  });

  it('"Mr Inuwa" is the one person with Inuwa inside the name (Kashifu Inuwa Abdullahi), and no one when two have it', () => {
    expect(people('The agency has been led since July 2019 by Kashifu Inuwa Abdullahi. Mr Inuwa has asked every ministry to act.')).toEqual(['Kashifu Inuwa Abdullahi']);
    expect(people('It was led by John Paul Smith and then by Mary Paul Jones. Mr Paul spoke.').sort()).toEqual(['John Paul Smith', 'Mary Paul Jones', 'Paul']);
  });

  it('a name with a particle before a word that heads a body in another language ("Karen la Cour") is a person', () => {
    const dataset = extract('"We are changing that," said Karen la Cour, head of security at Energinet.');
    expect(dataset.people.map((p) => p.name)).toEqual(['Karen la Cour']);
    expect(dataset.organizations.map((o) => o.name)).not.toContain('Karen la Cour');
  });
});

describe('organisations', () => {
  it('an ampersand between spaces joins the words of a name ("Korea Internet & Security Agency")', () => {
    expect(tokenize('A & B').map((t) => t.text)).toEqual(['A', '&', 'B']);
    expect(organizations('Work falls to the Korea Internet & Security Agency (KISA), formed in 2009.')).toEqual(['Korea Internet & Security Agency']);
  });

  it('a response team with a word of its own language after it ("CSIRT Italia", "CERT Nazionale") or its centre ("KrCERT/CC")', () => {
    expect(organizations('CSIRT Italia replaced CERT Nazionale in 2020.')).toEqual(['CERT Nazionale', 'CSIRT Italia']);
    expect(organizations('The Korea Internet Security Center runs KrCERT/CC, the national response team.')).toEqual(['Korea Internet Security Center', 'KrCERT/CC']);
    expect(organizations('The CERT Director spoke.')).toEqual([]);
  });

  it('a parliament known by its own name ("the Folketing"), and not a word that only means parliament', () => {
    expect(extract('The Folketing gave the centre its own statute in June 2014.').organizations.map((o) => [o.name, o.category])).toEqual([['Folketing', 'governmentBody']]);
    expect(organizations('The Congreso met.')).toEqual([]);
  });

  it('two names with the same head joined by "and", whichever side of the complement the head is on', () => {
    expect(organizations('The University of Lagos and Ahmadu Bello University in Zaria offer degrees.')).toEqual(['Ahmadu Bello University', 'University of Lagos']);
  });

  it('a name ending in its head ends there: "and" after it starts another ("Jyske Bank and Danmarks Nationalbank")', () => {
    expect(organizations('Danske Bank, Nordea, Jyske Bank and Danmarks Nationalbank took part in an exercise.')).toEqual(['Danmarks Nationalbank', 'Danske Bank', 'Jyske Bank', 'Nordea']);
    expect(organizations('The Cyber Forces and Information Operations Command runs it.')).toEqual(['Cyber Forces and Information Operations Command']);
  });

  it('a body within a body named after it is two ("Cyber Warfare Command of the Nigerian Army"), an intergovernmental one stays', () => {
    expect(organizations('The Cyber Warfare Command of the Nigerian Army protects military networks.')).toEqual(['Cyber Warfare Command', 'Nigerian Army']);
    expect(organizations('The Court of Justice of the European Union ruled.')).toEqual(['Court of Justice of the European Union']);
  });

  it('a Roman numeral ends a name ("University of Naples Federico II")', () => {
    expect(organizations('The University of Naples Federico II offers degrees.')).toEqual(['University of Naples Federico II']);
  });

  it('companies named after a plural company noun ("the broadcasters KBS and MBC", "the three mobile operators, SK Telecom, KT and LG Uplus")', () => {
    expect(organizations('Malware wiped computers at the broadcasters KBS and MBC in 2013.')).toEqual(['KBS', 'MBC']);
    expect(organizations('Samsung Electronics and the three mobile operators, SK Telecom, KT and LG Uplus, took part.').sort()).toEqual(['KT', 'LG Uplus', 'SK Telecom', 'Samsung Electronics']);
  });

  it('three names or more that together open a sentence and act ("MTN Nigeria, Airtel, Globacom and 9mobile began"), never places', () => {
    expect(organizations('On 28 February 2024 MTN Nigeria, Airtel, Globacom and 9mobile began to bar lines.')).toEqual(['9mobile', 'Airtel', 'Globacom', 'MTN Nigeria']);
    expect(organizations('Estonia, Latvia and Lithuania signed it.')).toEqual([]);
  });

  it('a name described as a federation or a group ("the employers\' federation", "a digital rights group"), not "a group of"', () => {
    expect(organizations("Confindustria, the employers' federation, has signed an agreement.")).toEqual(['Confindustria']);
    expect(organizations('It was said by Paradigm Initiative, a digital rights group.')).toEqual(['Paradigm Initiative']);
    expect(organizations('The Quad, a group of four countries, met.')).toEqual([]);
  });
});
