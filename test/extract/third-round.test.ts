/**
 * Regression tests for what the third round of evaluation showed the extractor missed or got wrong on the
 * tuning pages, each written as the general rule it is.
 */
import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractDataset, extractText } from '../helpers.js';

const extract = extractDataset;
const names = (text: string) => extract(text).organizations.map((o) => o.name);

describe('names listed with organisations', () => {
  it('reads an untyped name in a list with an organisation as one', () => {
    expect(names('Its members included senior staff from Spark, Chorus and the Bank of New Zealand.')).toEqual(['Bank of New Zealand', 'Chorus', 'Spark']);
    expect(names('It works with Infosys and the Tata Consultancy Services.')).toEqual(['Infosys', 'Tata Consultancy Services']);
  });

  it('not in a list that also holds a place or a person, nor a name that ends like a document', () => {
    expect(names('Ruritania, Germany and the European Commission signed.')).toEqual(['European Commission']);
    expect(names('President Toomas Hendrik Ilves, Kaljulaid and the European Commission met.')).toEqual(['European Commission']);
    expect(names('It enforces the Cybersecurity Act and the Data Protection Authority rules.')).toEqual(['Data Protection Authority']);
  });

  it('not a phrase set off by a comma before an organisation, without an "and" joining a list', () => {
    expect(names('In the Pacific, CERT Tonga opened in July 2016.')).toEqual(['CERT Tonga']);
  });
});

describe('two unknown names that act together', () => {
  it('are organisations ("Telkom and Vodacom began …", "In mid-2016 Telstra and Optus agreed …")', () => {
    expect(names('Telkom and Vodacom began sharing threat data with the hub in late 2015.')).toEqual(['Telkom', 'Vodacom']);
    expect(names('In mid-2016 Telstra and Optus agreed to share threat information.')).toEqual(['Optus', 'Telstra']);
  });

  it('not words of English, cities, countries, peoples, nor the last words of longer names', () => {
    expect(names('Security and Privacy were discussed. Rotterdam and Eindhoven have hubs. Germany and Estonians agreed.')).toEqual([]);
    expect(names('The Hague Security and Delta Vodacom agreed.')).toEqual([]);
  });

  it('not without a verb after them', () => {
    expect(names('It thanked Telkom and Vodacom.')).toEqual([]);
  });
});

describe('names that a description after them calls a company', () => {
  it('reads every capitalised word of the name before ", one of the … producers"', () => {
    expect(names("On 19 March 2019 Norsk Hydro, one of the world's largest aluminium producers, reported an attack.")).toEqual(['Norsk Hydro']);
  });

  it('after ", the …" as after ", a …"', () => {
    expect(names('Telia, the largest mobile operator, joined.')).toEqual(['Telia']);
    expect(names('Telia, the minister said, joined.')).toEqual([]);
  });
});

describe('an acronym and the city of its campus', () => {
  it('name one institution ("TU Delft", "IIT Delhi")', () => {
    expect(names('It links firms with TU Delft and trains staff at IIT Delhi.')).toEqual(['IIT Delhi', 'TU Delft']);
  });

  it('not a country code nor a longer acronym before a city', () => {
    expect(names('The UK London office and the NCSC Bath team met.').filter((name) => name.includes('London') || name.includes('Bath'))).toEqual([]);
  });
});

describe('organisation names', () => {
  it('keep a plural in the possessive before the head ("Officials\' Committee")', () => {
    expect(names("The NCPO supports the Officials' Committee for Domestic and External Security Coordination.")).toContain(
      "Officials' Committee for Domestic and External Security Coordination",
    );
  });

  it('end in "Regulator"', () => {
    expect(names('The Information Regulator (Inligtingsreguleerder) was established on 1 December 2016.')).toEqual(['Information Regulator']);
  });

  it('are not the portfolio of a minister ("Minister of Telecommunications and Postal Services")', () => {
    const text = 'The Department of Telecommunications and Postal Services (DTPS) was formed. Minister of Telecommunications and Postal Services Siyabonga Cwele leads it.';
    expect(names(text)).toEqual(['Department of Telecommunications and Postal Services']);
  });

  it('are not a framework, a bill or a policy named by an acronym', () => {
    expect(names('The National Cybersecurity Policy Framework (NCPF) was approved in March 2012.')).toEqual([]);
    expect(extract('The National Cybersecurity Policy Framework (NCPF) was approved in March 2012.').terms.map((t) => t.acronym)).toEqual(['NCPF']);
  });
});

describe('international organisations the gazetteer knows by their acronym', () => {
  it('regional communities of states ("SADC", "CARICOM")', () => {
    expect(extract('South Africa works with SADC partners and CARICOM.').organizations.map((o) => [o.name, o.category])).toEqual([
      ['Caribbean Community', 'internationalOrganization'],
      ['Southern African Development Community', 'internationalOrganization'],
    ]);
  });
});

describe('people', () => {
  const people = (text: string) => extract(text).people.map((p) => [p.name, p.roles]);

  it('after a post whose complement holds an organisation noun ("Minister of Police")', () => {
    expect(people('Minister of Police Fikile Mbalula, appointed on 31 March 2017, spoke.')).toEqual([['Fikile Mbalula', ['Minister of Police']]]);
    expect(people('Minister of Telecommunications and Postal Services Siyabonga Cwele leads the work.')).toEqual([
      ['Siyabonga Cwele', ['Minister of Telecommunications and Postal Services']],
    ]);
  });

  it('after more titles ("Advocate", "Inspector", "Speaker")', () => {
    expect(people('Advocate Pansy Tlakula chairs it. Speaker Baleka Mbete opened it.').map(([name]) => name)).toEqual(['Baleka Mbete', 'Pansy Tlakula']);
  });

  it('set off by commas before "held office"', () => {
    expect(people('His predecessor, Ian Fletcher, held office from 2012 to 2015.')).toEqual([['Ian Fletcher', []]]);
    expect(people('The Security and Intelligence Board held office hours.')).toEqual([]);
  });
});

describe('names in another language', () => {
  const organizations = (text: string) => extract(text).organizations.map((o) => [o.name, o.category, o.alternateNames]);

  it('headed by a noun written first, with or without connecting words', () => {
    expect(organizations('The Ministerio del Interior y Seguridad Pública and the Agencja Bezpieczeństwa Wewnętrznego met; Policía Nacional attended.')).toEqual([
      ['Agencja Bezpieczeństwa Wewnętrznego', 'governmentBody', []],
      ['Ministerio del Interior y Seguridad Pública', 'governmentBody', []],
      ['Policía Nacional', 'governmentBody', []],
    ]);
  });

  it('a compound head in German or a Nordic language, and a lower-case head inside an acronym\'s expansion', () => {
    expect(organizations('The Bundesamt für Sicherheit in der Informationstechnik advises.')).toEqual([['Bundesamt für Sicherheit', 'governmentBody', []]]);
    expect(extract('It answers to the Národní úřad pro kybernetickou a informační bezpečnost (NÚKIB).').organizations.map((o) => [o.name, o.acronym])).toEqual([
      ['Národní úřad pro kybernetickou a informační bezpečnost', 'NÚKIB'],
    ]);
  });

  it('in brackets after the English name is the same body', () => {
    expect(organizations('The Brazilian Internet Steering Committee (Comitê Gestor da Internet no Brasil, CGI.br) met.')).toEqual([
      ['Brazilian Internet Steering Committee', 'governmentBody', ['Comitê Gestor da Internet']],
    ]);
    expect(organizations('The Internal Security Agency (Agencja Bezpieczeństwa Wewnętrznego) runs it. The Agencja Bezpieczeństwa Wewnętrznego also warns.')).toEqual([
      ['Internal Security Agency', 'governmentBody', ['Agencja Bezpieczeństwa Wewnętrznego']],
    ]);
  });

  it('not English words that are also heads elsewhere, nor a body in brackets that is not a name of the first', () => {
    expect(organizations('Direction matters. The Camera was new.')).toEqual([]);
    expect(organizations('The Department of Defence (and the Australian Signals Directorate) met.').map(([name]) => name)).toEqual(['Australian Signals Directorate', 'Department of Defence']);
  });
});

describe('an acronym whose initials fit a name in brackets after another', () => {
  it('names the body, once: regression for duplicate event participants', () => {
    const dataset = extract('The Cyber Security Council (Cyber Security Raad) was set up in 2011. The CSR met the NCSC in June 2012.');
    expect(dataset.organizations.map((o) => [o.name, o.alternateNames])).toEqual([['Cyber Security Council', ['Cyber Security Raad']]]);
    const mentioned = dataset.mentions.filter((m) => m.entityType === 'organization').map((m) => m.entityId);
    expect(new Set(mentioned).size).toBe(1);
    expect(dataset.events.map((e) => e.participantIds.length)).toEqual([1, 1]);
  });
});

describe('Spanish and Czech tuning pages: names and their other names', () => {
  const organizations = (text: string) => extract(text).organizations.map((o) => [o.name, o.acronym ?? null, o.alternateNames]);

  it('reads "(name in another language, ACRONYM)" after a name as one body with both names and the acronym', () => {
    expect(organizations('The National Cyber and Information Security Agency (Národní úřad pro kybernetickou a informační bezpečnost, NÚKIB) was set up. NÚKIB warns.')).toEqual([
      ['National Cyber and Information Security Agency', 'NÚKIB', ['Národní úřad pro kybernetickou a informační bezpečnost']],
    ]);
  });

  it('reads "ACRONYM (name in another language, name in English)" as one body', () => {
    expect(organizations('The CCN (Centro Criptológico Nacional, National Cryptologic Centre) is part of it.')).toEqual([
      ['Centro Criptológico Nacional', 'CCN', ['National Cryptologic Centre']],
    ]);
  });

  it('reads "in Dutch the …" after a name as the same body', () => {
    expect(organizations('The NCSC (National Cyber Security Centre), in Dutch the Nationaal Cyber Security Centrum, is part of it.')).toEqual([
      ['National Cyber Security Centre', 'NCSC', ['Nationaal Cyber Security Centrum']],
    ]);
  });

  it('reads one word in brackets after a name as its short name, wherever the page writes it', () => {
    const dataset = extract('The National Criminal Investigation Service (Kripos) opened a centre. Later Kripos helped the company.');
    expect(dataset.organizations.map((o) => [o.name, o.alternateNames])).toEqual([['National Criminal Investigation Service', ['Kripos']]]);
    expect(dataset.mentions.filter((m) => m.quote === 'Kripos')).toHaveLength(2);
  });

  it('reads a short form in camel case defined after a name as that body ("ComDCiber")', () => {
    expect(organizations('The Cyber Defence Command (Comando de Defesa Cibernética, ComDCiber) was created. General Guido Amin Naves took charge of the ComDCiber.')).toEqual([
      ['Cyber Defence Command', 'ComDCiber', ['Comando de Defesa Cibernética']],
    ]);
  });

  it('not a law named in another language ("Lei Geral de Proteção de Dados")', () => {
    expect(organizations('President Michel Temer signed the General Data Protection Law (Lei Geral de Proteção de Dados, LGPD).')).toEqual([]);
  });
});

describe('response teams', () => {
  const names = (text: string) => extract(text).organizations.map((o) => [o.name, o.alternateNames]);

  it('named by an acronym around the generic name ("CCN-CERT", "INCIBE-CERT"), with no warning', () => {
    const page = extractText('The CCN set up its response team, CCN-CERT, in 2006. In 2019 CCN-CERT handled more incidents than INCIBE-CERT.');
    expect(mergePages([page]).organizations.map((o) => o.name)).toEqual(['CCN-CERT', 'INCIBE-CERT']);
    expect(page.page.file.messages.map((m) => m.reason).filter((reason) => reason.includes('CERT'))).toEqual([]);
  });

  it('not the first part of a name written with a slash ("JPCERT/CC")', () => {
    expect(names('The JPCERT/CC now offers courses.').map(([name]) => name)).not.toContain('JPCERT');
  });

  it('a short name set off before the full name whose initials it carries is that name', () => {
    expect(names('SingCERT, the Singapore Computer Emergency Response Team, was set up in 1997.')).toEqual([
      ['Singapore Computer Emergency Response Team', ['SingCERT']],
    ]);
  });

  it('"CERT of the Army of the Czech Republic": the body after "of" is part of a response team\'s name', () => {
    expect(names('The CERT of the Army of the Czech Republic protects military networks.').map(([name]) => name)).toEqual(['CERT of the Army of the Czech Republic']);
  });
});

describe('names listed with organisations, continued', () => {
  it('counts an undefined acronym and a name opening the sentence as items, and drops their warning', () => {
    const page = extractText('Telefónica, Iberdrola, Orange, BBVA and the Bank of Spain (Banco de España) joined the exercise. BBVA led it.');
    expect(mergePages([page]).organizations.map((o) => o.name)).toEqual(['Bank of Spain', 'BBVA', 'Iberdrola', 'Orange', 'Telefónica']);
    expect(page.page.file.messages.filter((m) => m.ruleId === 'acronym-unresolved')).toEqual([]);
    expect(mergePages([page]).mentions.filter((m) => m.quote === 'BBVA')).toHaveLength(2);
  });

  it('reads on past a bracket ("…, CSIC), Indra, …") but not a word of English opening a sentence', () => {
    expect(names('Partners include the Spanish National Research Council (Consejo Superior de Investigaciones Científicas, CSIC), Indra and GMV.')).toEqual([
      'GMV',
      'Indra',
      'Spanish National Research Council',
    ]);
    expect(names('Security, Privacy and the NCSC Board met.')).toEqual(['NCSC Board']);
  });
});

describe('more shapes of organisation names', () => {
  it('company heads ("AVG Technologies"), which stay inside a complement ("Ministry of Industries")', () => {
    expect(names('Avast acquired AVG Technologies in October 2016. The Ministry of Industries agreed.')).toEqual(['AVG Technologies', 'Ministry of Industries']);
  });

  it('plural heads and plurals in the possessive inside the name', () => {
    expect(names("The Spanish Confederation of Employers' Organizations and the Confederation of Employers' and Entrepreneurs' Associations of the Czech Republic met.")).toEqual([
      "Confederation of Employers' and Entrepreneurs' Associations of the Czech Republic",
      "Spanish Confederation of Employers' Organizations",
    ]);
  });

  it('"against" inside a name; after "and" a place-named body is another one, other words go on', () => {
    expect(names('It met the National Centre against Organised Crime and Brno University Hospital.')).toEqual(['Brno University Hospital', 'National Centre against Organised Crime']);
    expect(names('It set up the Cyber Forces and Information Operations Command in 2019.')).toEqual(['Cyber Forces and Information Operations Command']);
  });

  it('names with their web domain, and a registry after its country code', () => {
    expect(names('Seznam.cz and Kiwi.com run teams, and CZ.NIC runs the registry.')).toEqual(['CZ.NIC', 'Kiwi.com', 'Seznam.cz']);
  });

  it('not a program in camel case, a camel-case short form in brackets, nor a thing described with a firm noun after a preposition', () => {
    expect(names('After the WannaCry ransomware reached its network, it acted.')).toEqual([]);
    expect(names('In March 2019 the Bank of Spain launched TIBER-ES, a framework for testing banks with controlled attacks.')).toEqual(['Bank of Spain']);
  });
});
