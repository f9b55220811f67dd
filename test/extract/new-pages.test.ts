/**
 * Regression tests for what the tuning pages added in the second round of evaluation showed the
 * extractor missed or got wrong, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../pipeline/extract/lib/dates.js';
import { extractDataset } from '../helpers.js';

const extract = extractDataset;

describe('dates', () => {
  it('reads an ISO 8601 date in running text at day precision', () => {
    expect(findDates('and on 2020-12-08 the PST closed its investigation', '2021-09').map((d) => [d.text, d.startDate])).toEqual([['2020-12-08', '2020-12-08']]);
  });

  it('does not take the year of an impossible ISO date for a year', () => {
    expect(findDates('a report dated 2013-13-45 was found', '2021-09')).toEqual([]);
  });

  it('gives no event for a year that names a thing ("the 2015 strategy"), but does for a year when something happened', () => {
    const events = extract('The 2015 strategy sets four goals. The National Cyber Security Centre was set up in 2015.').events;
    expect(events.map((e) => [e.date, e.name])).toEqual([['2015', 'The National Cyber Security Centre was set up in 2015']]);
  });
});

describe('people after a post with a complement', () => {
  const people = (text: string) => extract(text).people.map((p) => [p.name, p.roles]);

  it('splits the complement, written in common words, from the name, which mostly is not', () => {
    expect(people('Minister of Foreign Affairs Ine Eriksen Søreide spoke.')).toEqual([['Ine Eriksen Søreide', ['Minister of Foreign Affairs']]]);
    expect(people('Minister of Justice and Public Security Tor Mikkel Wara spoke.')).toEqual([['Tor Mikkel Wara', ['Minister of Justice and Public Security']]]);
    // A first name that is also a common word still leaves two words of name.
    expect(people('Minister of Health Grant Robertson spoke.')).toEqual([['Grant Robertson', ['Minister of Health']]]);
  });

  it('reads the name set off by commas after the whole post', () => {
    expect(people('It was presented by the Minister of Justice and Public Security, Tor Mikkel Wara, with others.')).toEqual([
      ['Tor Mikkel Wara', ['Minister of Justice and Public Security']],
    ]);
  });

  it('never takes the complement for a name', () => {
    expect(people('The Minister of Justice and Public Security spoke.')).toEqual([]);
  });
});

describe('people described after their name', () => {
  it('reads "X, who held office as director" and "X was appointed to lead the GCSB"', () => {
    expect(extract('Kjetil Nilsen, who held office as director from 2014 to 2021, built it.').people.map((p) => p.name)).toEqual(['Kjetil Nilsen']);
    expect(extract('Andrew Hampton was appointed to lead the GCSB in April 2016.').people.map((p) => p.name)).toEqual(['Andrew Hampton']);
  });

  it('reads a particle inside the name, and "Mr De Vries" later as the same person', () => {
    const people = extract('Hans de Vries was appointed to lead the NCSC in July 2015, and Mr De Vries\'s staff grew.').people;
    expect(people.map((p) => p.name)).toEqual(['Hans de Vries']);
  });

  it('does not read again, with a word of the title, a name already read after its title', () => {
    expect(extract('Minister of Justice Andrew Little, who is also the minister, spoke.').people.map((p) => [p.name, p.roles])).toEqual([['Andrew Little', ['Minister of Justice']]]);
  });

  it('does not take a place described by "who" for a person', () => {
    expect(extract('Paris, who was the capital, fell.').people).toEqual([]);
  });
});

describe('companies named in a list that says what they are', () => {
  const names = (text: string) => extract(text).organizations.map((o) => [o.name, o.category]);

  it('after "operators such as", "firms including"…', () => {
    expect(names('Mobile operators such as Spark and 2degrees pass scam messages on.')).toEqual([
      ['2degrees', 'organization'],
      ['Spark', 'organization'],
    ]);
  });

  it('before "are among the companies"', () => {
    expect(names('Telenor, Equinor and Statnett are among the companies that share threat data.').map(([name]) => name)).toEqual(['Equinor', 'Statnett', 'Telenor']);
  });

  it('after "the power company", "the company"', () => {
    expect(names('It tested the central bank and the power company Eletrobras in June.').map(([name]) => name)).toEqual(['Eletrobras']);
    expect(names('The company Ericsson said so.').map(([name]) => name)).toEqual(['Ericsson']);
  });

  it('ends a list of names at its "and": the last item is not joined to the one before', () => {
    // The other two items are read as organisations by the list they share with it (third-round.test.ts).
    expect(names('It works with Infosys, Wipro and Tata Consultancy Services on skills.').map(([name]) => name)).toEqual(['Infosys', 'Tata Consultancy Services', 'Wipro']);
    expect(names('The Research, Innovation and Enterprise Council met.').map(([name]) => name)).toEqual(['Research, Innovation and Enterprise Council']);
  });

  it('at the end of a sentence, without its full stop', () => {
    expect(names('It tested the power company Eletrobras. The rest followed.').map(([name]) => name)).toEqual(['Eletrobras']);
  });

  it('not without such a cue', () => {
    expect(names('On 19 March 2019 Norsk Hydro reported an attack.')).toEqual([]);
  });
});

describe('organisations written as domain names', () => {
  const names = (text: string) => extract(text).organizations.map((o) => o.name);

  it('reads "NIC.br", "CERT.br" and "GOVCERT.NL" as names', () => {
    expect(names('Its executive arm, NIC.br, hosts CERT.br, the national response team.')).toEqual(['CERT.br', 'NIC.br']);
    expect(names('It took over the work of GOVCERT.NL, the response team.')).toEqual(['GOVCERT.NL']);
  });

  it('not "U.S." nor a web address, and inside brackets only as the short form of the name before them', () => {
    expect(names('The U.S. and the U.K. agreed; see www.gov.uk.')).toEqual([]);
    expect(names('The Brazilian Internet Steering Committee (Comitê Gestor da Internet no Brasil, CGI.br) met.')).toEqual(['Brazilian Internet Steering Committee']);
  });
});

describe('places', () => {
  const places = (text: string) => extract(text).places.map((p) => [p.name, p.countryCode]);

  it('reads a city whose name holds a particle ("Rio de Janeiro")', () => {
    expect(places('The Olympic Games were held in Rio de Janeiro in August 2016.')).toEqual([['Rio de Janeiro', 'BR']]);
  });

  it('reads "the US" as the United States, while other ISO codes stay words or acronyms', () => {
    expect(places('Norway held a dialogue with the US in 2018.')).toEqual([['Norway', 'NO'], ['United States', 'US']]);
    expect(places('The IT team and the CA met in 2018.')).toEqual([]);
  });
});

describe('a country written right after a name', () => {
  const names = (text: string) => extract(text).organizations.map((o) => [o.name, o.countryCode ?? null]);

  it('is part of an organisation named by its head ("Radiocommunications Agency Netherlands")', () => {
    expect(names('Its Radiocommunications Agency Netherlands (Agentschap Telecom) met.').map(([name]) => name)).toEqual(['Radiocommunications Agency Netherlands']);
  });

  it('names a response team ("CERT Tonga"), not a place', () => {
    const dataset = extract('CERT Tonga opened in July 2016.');
    expect(dataset.organizations.map((o) => [o.name, o.category, o.countryCode])).toEqual([['CERT Tonga', 'governmentBody', 'TO']]);
    expect(dataset.places).toEqual([]);
  });

  it('but not when a capitalised word follows, nor after "of"', () => {
    expect(names('The Cyber Security Agency of Singapore met.')).toEqual([['Cyber Security Agency of Singapore', 'SG']]);
  });
});
