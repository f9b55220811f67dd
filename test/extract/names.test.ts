import { describe, expect, it } from 'vitest';
import { Claims } from '../../pipeline/extract/lib/spans.js';
import { findCities, findCountries, findOrganizationNames, findPeople, tokenize } from '../../pipeline/extract/index.js';

const organizations = (text: string) => findOrganizationNames(text, tokenize(text)).map((o) => [o.name, o.category, o.countryCode ?? null]);
const people = (text: string) => {
  const tokens = tokenize(text);
  const names = findOrganizationNames(text, tokens);
  const taken = (start: number, end: number) => names.some((o) => start < o.end && o.start < end);
  return findPeople(text, tokens, taken).map((p) => [p.name, p.role ?? null]);
};
const countries = (text: string) => findCountries(text, tokenize(text), new Claims()).map((c) => [text.slice(c.start, c.end), c.country.cca2]);
const cities = (text: string, pageCountries: string[] = []) =>
  findCities(text, tokenize(text), new Claims(), new Map(pageCountries.map((code) => [code, 1]))).map((c) => [c.city.name, c.city.countryCode, c.city.geonamesId]);

describe('findOrganizationNames', () => {
  it('reads a name headed by an organisation noun, with modifiers and complement', () => {
    expect(organizations('Within the French Network and Information Security Agency and the Ministry of Foreign Affairs and International Development.')).toEqual([
      ['French Network and Information Security Agency', 'governmentBody', 'FR'],
      ['Ministry of Foreign Affairs and International Development', 'governmentBody', null],
    ]);
  });

  it('takes the last head of a run of capitalised words (Federal Criminal Police Office)', () => {
    expect(organizations('the Federal Criminal Police Office and the Federal Ministry of the Interior')).toEqual([
      ['Federal Criminal Police Office', 'governmentBody', null],
      ['Federal Ministry of the Interior', 'governmentBody', null],
    ]);
  });

  it('knows international organisations from the gazetteer', () => {
    expect(organizations('Within the European Union, the European Commission and the Organization for Security and Co-operation in Europe')).toEqual([
      ['European Union', 'internationalOrganization', null],
      ['European Commission', 'internationalOrganization', null],
      ['Organization for Security and Co-operation in Europe', 'internationalOrganization', null],
    ]);
  });

  it('does not take a gazetteer name inside a longer name (regression: "National Cyber Security Council")', () => {
    expect(organizations('a National Cyber Security Council met')).toEqual([['National Cyber Security Council', 'governmentBody', null]]);
  });

  it('stops a name at a post and leaves a following place out', () => {
    expect(organizations('French Ministry of Foreign Affairs Deputy Secretary-General Jean-François Blarel')).toEqual([
      ['French Ministry of Foreign Affairs', 'governmentBody', 'FR'],
    ]);
    expect(organizations('its Cooperative Cyber Defence Centre of Excellence in Tallinn')).toEqual([
      ['Cooperative Cyber Defence Centre of Excellence', 'internationalOrganization', null],
    ]);
  });

  it('reads a post in the possessive and a comma list as part of a name', () => {
    expect(organizations("within the Prime Minister's Office and the Department of Industry, Innovation and Science")).toEqual([
      ["Prime Minister's Office", 'governmentBody', null],
      ['Department of Industry, Innovation and Science', 'governmentBody', null],
    ]);
    expect(organizations('the Research, Innovation and Enterprise Council met')).toEqual([['Research, Innovation and Enterprise Council', 'organization', null]]);
  });

  it('reads a post after "of the" as part of a name, possessive included', () => {
    expect(organizations("the Department of the Prime Minister and Cabinet and the Office of the Children's eSafety Commissioner")).toEqual([
      ['Department of the Prime Minister and Cabinet', 'governmentBody', null],
      ["Office of the Children's eSafety Commissioner", 'governmentBody', null],
    ]);
  });

  it('takes a camel-case name, or a name described as a firm, for an organisation', () => {
    expect(organizations('the merger of CrimTrac and Singtel acquired Trustwave, a cyber security firm based in Chicago')).toEqual([
      ['CrimTrac', 'organization', null],
      ['Trustwave', 'organization', null],
    ]);
    expect(organizations('Mr McDonald met Ms MacGregor')).toEqual([]);
  });

  it('leaves a named parent out of a sub-unit, a comma list of firms out of one name, and a post out of the organisations', () => {
    expect(organizations('the Cyber and Information Security Division of the Ministry of Home Affairs')).toEqual([
      ['Cyber and Information Security Division', 'organization', null],
      ['Ministry of Home Affairs', 'governmentBody', null],
    ]);
    // (telling "Wipro and Tata Consultancy Services" from "Network and Information Security Agency" needs more than words)
    expect(organizations('firms such as Infosys, Wipro and Tata Consultancy Services').map(([name]) => name)).not.toContain('Infosys, Wipro and Tata Consultancy Services');
    expect(organizations('chaired by Chief Cabinet Secretary Yoshihide Suga')).toEqual([]);
  });

  it('ignores a head noun alone and sentence-initial function words', () => {
    expect(organizations('The Ministry’s cyber defence activities. Ministry officials met.')).toEqual([]);
  });
});

describe('findPeople', () => {
  it('reads a name after a post', () => {
    expect(people('is French Ministry of Foreign Affairs Deputy Secretary-General Jean-François Blarel.')).toEqual([
      ['Jean-François Blarel', 'Deputy Secretary-General'],
    ]);
    expect(people('President Toomas Hendrik Ilves, who held office')).toEqual([['Toomas Hendrik Ilves', 'President']]);
  });

  it('reads a post with a complement before the name', () => {
    expect(people('Federal Minister of the Interior Hans-Peter Friedrich addressed it')).toEqual([
      ['Hans-Peter Friedrich', 'Federal Minister of the Interior'],
    ]);
  });

  it('accepts one word after an honorific only', () => {
    expect(people('Mr Smith met Minister Jones.')).toEqual([['Smith', null]]);
  });

  it('finds no person in a post without a name', () => {
    expect(people('under the authority of the Prime Minister. The post of Cyber Defence General Officer was created.')).toEqual([]);
  });
});

describe('findCountries', () => {
  it('reads names, official names and common short forms, longest first', () => {
    expect(countries('other countries (USA, UK, Germany, Russia, Japan, etc.) and the Republic of Korea')).toEqual([
      ['USA', 'US'],
      ['UK', 'GB'],
      ['Germany', 'DE'],
      ['Russia', 'RU'],
      ['Japan', 'JP'],
      ['Republic of Korea', 'KR'],
    ]);
  });

  it('does not take an ISO code written as a word for a country', () => {
    expect(countries('attacks on IT networks')).toEqual([]);
  });

  it('does not take "the CA" (an organisation\'s acronym) for the ISO code of Canada', () => {
    expect(countries('the CA and the UK')).toEqual([['UK', 'GB']]);
  });
});

describe('findCities', () => {
  it('takes a city after a locative preposition or before an event noun', () => {
    expect(cities('held in London in November 2011, then the Lisbon Summit')).toEqual([
      ['London', 'GB', 2643743],
      ['Lisbon', 'PT', 2267057],
    ]);
  });

  it('does not mistake a word at the start of a sentence for a city (Nice, Reading)', () => {
    expect(cities('Nice words are not enough. Reading the text, March was busy.')).toEqual([]);
  });

  it('takes the city for the same word where the text says it is a place', () => {
    expect(cities('The summit was held in Nice in 2000.')).toEqual([['Nice', 'FR', 2990440]]);
  });

  it('prefers a namesake in a country the page names only when it is not a village', () => {
    expect(cities('held in Lisbon', ['US', 'PT'])[0]?.[1]).toBe('PT');
    expect(cities('held in Hyderabad', ['PK'])[0]?.[1]).toBe('PK');
    expect(cities('held in Hyderabad')[0]?.[1]).toBe('IN');
  });

  it('takes the cities listed after a placed one', () => {
    expect(cities('centres would open in Brisbane, Sydney, Melbourne, Perth and Adelaide, and later').map((c) => c[0])).toEqual([
      'Brisbane',
      'Sydney',
      'Melbourne',
      'Perth',
      'Adelaide',
    ]);
  });

  it('never takes a month for a place', () => {
    expect(cities('signed in March and in May')).toEqual([]);
  });
});

describe('a demonym several places share', () => {
  it('names the sovereign state among them ("American Ministry" is of the United States, not American Samoa)', async () => {
    const { countryByDemonym } = await import('../../pipeline/extract/lib/gazetteer/countries.js');
    expect(['American', 'British', 'French', 'Danish', 'Dutch', 'Chinese'].map((word) => countryByDemonym(word)?.cca2)).toEqual(['US', 'GB', 'FR', 'DK', 'NL', 'CN']);
  });
});
