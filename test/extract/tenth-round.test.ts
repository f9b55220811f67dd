/**
 * Regression tests for what the tenth round of evaluation (the Israel, Ghana, Vietnam and Austria
 * tuning pages) showed the extractor missed or got wrong, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { extractDataset } from '../helpers.js';

const extract = extractDataset;
const people = (text: string) => extract(text).people.map((p) => p.name).sort();
const organizations = (text: string) => extract(text).organizations.map((o) => o.name).sort();

describe('people', () => {
  it('a name before ", then prime minister," and before ", a mathematician," (an occupation)', () => {
    expect(people('In November 2010 Benjamin Netanyahu, then prime minister, asked for a plan.')).toEqual(['Benjamin Netanyahu']);
    expect(people('Eviatar Matania, a mathematician, headed the bureau from 2012 to 2017.')).toEqual(['Eviatar Matania']);
    expect(people('Tallinn, a port, hosts it.')).toEqual([]);
  });

  it('a name, then the post it was given ("with Buky Carmeli as its first head")', () => {
    expect(people('A decision created the Authority, with Buky Carmeli as its first head, to take charge.')).toEqual(['Buky Carmeli']);
  });

  it('a name that opens or closes the attribution of a quotation', () => {
    expect(people('"We guard the nervous system," Yigal Unna told the Knesset in November 2018.')).toEqual(['Yigal Unna']);
    expect(people('"Ghana is a model," said Kouassi N\'Guessan, who coordinates cyber programmes.')).toEqual(["Kouassi N'Guessan"]);
    expect(people('"This is not an ordinary attack," Alexander Schallenberg told reporters in Vienna.')).toEqual(['Alexander Schallenberg']);
  });

  it('the author of a work ("a report by …"), a cleft sentence ("It was … who"), "researchers including …", "ministers X and Y"', () => {
    expect(people('A 2021 report by Tehilla Shwartz Altshuler of the Israel Democracy Institute argued it.')).toEqual(['Tehilla Shwartz Altshuler']);
    expect(people('It was Nguyễn Tử Quảng who founded Bkav, in 1995.')).toEqual(['Nguyễn Tử Quảng']);
    expect(people('The flaws were found by researchers including Daniel Gruss.')).toEqual(['Daniel Gruss']);
    expect(people('In December 2021 ministers Yoaz Hendel and Orit Farkash-HaCohen announced a fund.')).toEqual(['Orit Farkash-HaCohen', 'Yoaz Hendel']);
  });

  it('after a post written in the official\'s own language ("Bundesministerin Karoline Edtstadler")', () => {
    expect(extract('The minister is Bundesministerin Karoline Edtstadler.').people.map((p) => [p.name, p.roles])).toEqual([['Karoline Edtstadler', ['Bundesministerin']]]);
  });
});

describe('places', () => {
  it('not a country whose name starts a longer one ("the Jordan Valley"), but the place of a summit still', () => {
    expect(extract('Attackers hit pumping stations in the Jordan Valley.').places).toEqual([]);
    expect(extract('Leaders met at the Estonia Summit in 2019.').places.map((p) => p.name)).toEqual(['Estonia']);
  });
});

describe('organisations', () => {
  it('a head and its number ("Unit 8200"), never a year', () => {
    expect(organizations('Many of its graduates go on to Unit 8200.')).toEqual(['Unit 8200']);
    expect(organizations('The Unit 2019 plan was late.')).toEqual([]);
  });

  it('a party and a securities firm by their heads ("Communist Party of Vietnam", "VNDirect Securities")', () => {
    expect(organizations('The Communist Party of Vietnam met.')).toEqual(['Communist Party of Vietnam']);
    expect(organizations('Ransomware took the systems of VNDirect Securities offline.')).toEqual(['VNDirect Securities']);
  });

  it('names described as two companies or a cooperative ("Hubtel and Zeepay, two payment companies", "a dairy cooperative")', () => {
    expect(organizations('Hubtel and Zeepay, two payment companies founded in Accra, handle payments.')).toEqual(['Hubtel', 'Zeepay']);
    expect(organizations('Ransomware halted deliveries at Salzburg Milch, a dairy cooperative, in 2020.')).toEqual(['Salzburg Milch']);
  });
});

describe('a name described as a firm', () => {
  it('is one when it ends in a country\'s name ("MTN Ghana, the largest mobile operator"), not when it is a place', () => {
    expect(organizations('MTN Ghana, the largest mobile operator, launched its mobile money service in 2009.')).toEqual(['MTN Ghana']);
    expect(organizations('The firm moved to Helsinki, founded in 1550.')).toEqual([]);
  });
});
