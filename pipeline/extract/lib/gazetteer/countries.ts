import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { isCommonWord } from '../vocabulary.js';

// The package's ES entry re-exports JSON without an import attribute, which Node 20 refuses: read the data.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as Country[];

/** A country as the gazetteer (world-countries, ISO 3166-1) gives it. */
export interface CountryEntry {
  name: string;
  cca2: string;
  cca3: string;
  latitude: number;
  longitude: number;
  demonym?: string;
}

/**
 * ISO codes that English prose writes as a country's name ("talks with the US"), unlike most codes,
 * which are words or acronyms in running text (IT, CA, DE, IN).
 */
const codesWrittenAsNames = new Set(['US']);

let byName: Map<string, CountryEntry> | undefined;
let byDemonym: Map<string, CountryEntry> | undefined;

/**
 * Every written form that names a country: its common and official names and the gazetteer's
 * alternative spellings, written in Latin letters. Two-letter forms are kept only when they are not the
 * ISO code itself ("UK" is a name; "IT" or "DE" in running text are words or codes, not countries).
 */
export function countryNames(): Map<string, CountryEntry> {
  if (byName) return byName;
  byName = new Map();
  byDemonym = new Map();
  const sovereign = new Set<string>();
  const entries = [...countries].sort((a, b) => (a.cca2 < b.cca2 ? -1 : 1));
  for (const country of entries) {
    const entry: CountryEntry = {
      name: country.name.common,
      cca2: country.cca2,
      cca3: country.cca3,
      latitude: country.latlng[0] ?? 0,
      longitude: country.latlng[1] ?? 0,
      ...(country.demonyms?.['eng']?.m ? { demonym: country.demonyms['eng'].m } : {}),
    };
    // An alternative spelling that is a word of English ("Island", Iceland's own name) names no country in English text.
    const forms = [country.name.common, country.name.official, ...country.altSpellings.filter((form) => !/^\p{Lu}\p{Ll}+$/u.test(form) || !isCommonWord(form))];
    for (const raw of forms) {
      const form = raw.replace(/^The /, '');
      if (!/^[\p{Script=Latin}][\p{Script=Latin}'’ .()-]*$/u.test(form)) continue;
      if (form.includes(',')) continue;
      if (form.length <= 2 && (form === country.cca2 || form.length < 2) && !codesWrittenAsNames.has(form)) continue;
      if (!byName.has(form)) byName.set(form, entry);
    }
    for (const [form, code] of shortForms) if (code === country.cca2 && !byName.has(form)) byName.set(form, entry);
    // A demonym several places share ("American": the United States, American Samoa, the Northern
    // Mariana Islands) names the sovereign state among them.
    if (entry.demonym && (!byDemonym.has(entry.demonym) || (country.unMember && !sovereign.has(entry.demonym)))) {
      byDemonym.set(entry.demonym, entry);
      if (country.unMember) sovereign.add(entry.demonym);
    }
  }
  return byName;
}

/** English short names in wide use that the gazetteer's list lacks (it has "Türkiye" and "Cape Verde", not these). */
const shortForms: ReadonlyArray<[string, string]> = [['Turkey', 'TR'], ['Cabo Verde', 'CV'], ['Britain', 'GB'], ['Holy See', 'VA']];

/** The country whose people are called `word` ("French" → France). */
export function countryByDemonym(word: string): CountryEntry | undefined {
  countryNames();
  return byDemonym!.get(word);
}

/** The country with ISO 3166-1 alpha-2 code `code`. */
export function countryByCode(code: string): CountryEntry | undefined {
  for (const entry of countryNames().values()) if (entry.cca2 === code) return entry;
  return undefined;
}
