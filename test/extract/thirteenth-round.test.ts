/**
 * Regression tests for what the thirteenth round of evaluation showed (four pages on Kazakhstan, Egypt,
 * Morocco and Thailand): people named with initials, in a list after "among them", after a Thai or Hindi
 * honorific, or as the voice of an organisation ("heard from X of Y"); cities the gazetteer knows by
 * another spelling; a gazetteer name that starts a longer one; two days of one month; where a second
 * verb's event happened; each written as the general rule it is, with the phrases that must not be read so.
 */
import { describe, expect, it } from 'vitest';
import { citiesByName } from '../../pipeline/extract/lib/gazetteer/cities.js';
import { extractDataset } from '../helpers.js';

const people = (text: string) => extractDataset(text).people.map((p) => p.name).sort();
const places = (text: string) => extractDataset(text).places.map((p) => `${p.name} ${p.kind} ${p.countryCode}`).sort();
const organizations = (text: string) => extractDataset(text).organizations.map((o) => o.name).sort();

describe('people named with initials', () => {
  it('alone or after a given name, with the word before them left out when it is not a name', () => {
    expect(people('In a report in May 2022, R. T. Abenov, deputy head of the agency, said so.')).toEqual(['R. T. Abenov']);
    expect(people('The ministry met Lindiwe K. Mabuza in Pretoria in 2021.')).toEqual(['Lindiwe K. Mabuza']);
    expect(people('Justice S. P. Rao presented the draft in 2019.')).toEqual(['S. P. Rao']);
  });

  it('never initials without spaces ("U.S.", "A.P. Møller – Maersk") nor a body, a common word or a place', () => {
    expect(people('The U.S. Army Cyber Command was set up in 2010.')).toEqual([]);
    expect(people('NotPetya shut down A.P. Møller – Maersk in 2017.')).toEqual([]);
    expect(people('The plan B. Strategy was dropped in 2019.')).toEqual([]);
    expect(people('It was signed in St. Paris in 2019.')).toEqual([]);
  });
});

describe('people in a list', () => {
  it('after "among them", whatever their names', () => {
    expect(people('A group of engineers, among them Aigerim Bekova, Nurlan Sadykov and Yerlan Omarov, drafted it in 2016.')).toEqual([
      'Aigerim Bekova',
      'Nurlan Sadykov',
      'Yerlan Omarov',
    ]);
  });

  it('after "including" only when a name starts with a common given name, and never a list of bodies or places', () => {
    expect(people('Speakers including Peter Holm and Anna Berg spoke in 2020.')).toEqual(['Anna Berg', 'Peter Holm']);
    expect(people('Operators including Telecom Egypt, Vodafone Egypt and Orange Egypt share data.')).toEqual([]);
    expect(people('Cities including Cape Town, Port Elizabeth and East London took part.')).toEqual([]);
    expect(people('Firms including Aigerim Holding and Nurlan Trade took part.')).toEqual([]);
  });
});

describe('people after an honorific of another language', () => {
  it('"Khun", "Shri": the honorific is not part of the name, and the given name alone names the person again', () => {
    expect(people('The office is led by Khun Wanida Chaiyasit. "We act," Khun Wanida said in 2023.')).toEqual(['Wanida Chaiyasit']);
    expect(people('Shri Rakesh Verma opened the centre in 2019.')).toEqual(['Rakesh Verma']);
  });
});

describe('people described by what they do', () => {
  it('appointed, with a date between the verb and the post; founding a body', () => {
    expect(people('Salma Idrissi was appointed on 3 May 2020 to lead the Ministry of Digital Affairs.')).toEqual(['Salma Idrissi']);
    expect(people('Qazaq Secure, founded in Almaty in 2014 by Askar Zhunusov, tests banks.')).toEqual(['Askar Zhunusov']);
  });

  it('speaking for an organisation named after "of"', () => {
    expect(people('In 2023 the ministry heard from Chen Hao of the Korea Internet & Security Agency on 5G.')).toEqual(['Chen Hao']);
  });

  it('never a company named after a country, nor a name followed by "of" and no organisation', () => {
    expect(people('In 2023 officials heard from Youssef Amin of Orange Egypt, who called for a register.')).toEqual(['Youssef Amin']);
    expect(people('In 2023 officials heard from Trend Micro of Japan on the threat.')).toEqual([]);
  });
});

describe('cities by another spelling', () => {
  it('with an article written apart and capitalised ("Sharm El Sheikh" for Sharm el-Sheikh), and a title\'s word inside', () => {
    expect(places('The meeting was held in Sharm El Sheikh in 2018.')).toEqual(['Sharm El Sheikh City EG']);
  });

  it('of a large city, as GeoNames gives it ("Marrakech", "Fez", "Salé", "Karaganda", "Makati"), named as the page writes it', () => {
    expect(places('Its laboratories work in Marrakech, Fez and Salé.')).toEqual(['Fez City MA', 'Marrakech City MA', 'Salé City MA']);
    expect(places('Units work in Karaganda and Makati.')).toEqual(['Karaganda City KZ', 'Makati City PH']);
    // Paoy Paet (79,000 people), which English pages write Poipet.
    expect(places('A gang was arrested in Poipet in 2023.')).toEqual(['Poipet City KH']);
  });

  it('not a nickname of another letter, a word of English, a province named in the city\'s name, or a short code', () => {
    const cities = citiesByName();
    expect(cities.get('Google')).toBeUndefined();
    expect(cities.get('Marrakech')?.[0]?.countryCode).toBe('MA');
    expect(cities.get('Jujuy')).toBeUndefined();
    expect(cities.get('RAK')).toBeUndefined();
  });

  it('keeps the first way the page writes a city ("Milan", then "Politecnico di Milano")', () => {
    expect(places('The exercise was held in Milan in 2022. Politecnico di Milano took part.')).toEqual(['Milan City IT']);
  });

  it('under its current name where the gazetteer still has the former one (Astana, Nur-Sultan until 2022)', () => {
    expect(places('The forum met in Astana in 2023.')).toEqual(['Astana City KZ']);
  });
});

describe('organisations', () => {
  it('a gazetteer name that starts a longer name is part of it; the gazetteer name alone still stands alone', () => {
    expect(organizations('The United Nations Economic and Social Commission for Asia and the Pacific (ESCAP) sits in Bangkok.')).toEqual([
      'United Nations Economic and Social Commission for Asia and the Pacific',
    ]);
    expect(organizations('The European Union Member States met in 2019.')).toEqual(['European Union']);
  });

  it('"the Commonwealth of Independent States" is not "the Commonwealth"', () => {
    expect(organizations('Kazakhstan joined the Commonwealth of Independent States in 1991.')).toEqual(['Commonwealth of Independent States']);
  });

  it('an acronym\'s name read back from its bracket stops at the bracket before it', () => {
    expect(organizations('Students at the International University of Rabat (UIR) and Mohammed VI Polytechnic University (UM6P) learn it.')).toEqual([
      'International University of Rabat',
      'Mohammed VI Polytechnic University',
    ]);
  });

  it('a school called "International" is not an organisation of states', () => {
    const dataset = extractDataset('Students at the International University of Rabat learn it.');
    expect(dataset.organizations.map((o) => o.category)).toEqual(['organization']);
  });

  it('a name written before a country, and a verb after, is named with the country ("Beeline Kazakhstan share …")', () => {
    expect(organizations('KZ-CERT, Kcell and Beeline Kazakhstan share threat information.')).toEqual(['Beeline Kazakhstan', 'KZ-CERT', 'Kcell']);
  });
});

const events = (text: string) => {
  const dataset = extractDataset(text);
  const placeName = new Map(dataset.places.map((p) => [p.id, p.name]));
  return dataset.events.map((e) => `${e.date}${e.locationId ? ` @${placeName.get(e.locationId)}` : ''}`);
};

describe('dates and events', () => {
  it('two days of one month, either order, are one interval', () => {
    expect(events('The summit was held in Astana on 1 and 2 December 2010.')).toEqual(['2010-12-01/2010-12-02 @Astana']);
    expect(events('The forum will be held in Almaty on October 15 and 16, 2024.')).toEqual(['2024-10-15/2024-10-16 @Almaty']);
  });

  it('a city after a second verb and its own date is that verb\'s place, not the first date\'s', () => {
    expect(events('It chaired the OSCE in 2010 and hosted the summit in Astana on 1 and 2 December 2010.')).toEqual(['2010', '2010-12-01/2010-12-02 @Astana']);
    // Two dates of one verb share its place.
    expect(events('The forum met in 2019 and 2020 in Tallinn.')).toEqual(['2019 @Tallinn', '2020 @Tallinn']);
  });

  it('a city that hosts what the date is about is where it happened', () => {
    expect(events('Bangkok hosts the Capacity Building Centre, which opened on 14 September 2018.')).toEqual(['2018-09-14 @Bangkok']);
  });

  it('a year a plan aims at names the plan: no event', () => {
    expect(events('The 2012 strategy is being replaced by a national strategy for 2030.')).toEqual([]);
    expect(events('The minister launched the Digital Morocco 2030 strategy in Rabat on 25 September 2024.')).toEqual(['2024-09-25 @Rabat']);
  });
});
