/**
 * The gazetteer's cities, built once and kept in a file (see keepCityTablesAt), are read back by the
 * next process instead of built again, and give the same answers; a kept file that is damaged, of
 * another format or V8, or points at rows it does not have is not used: the tables are built again and
 * the file written anew.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedDataVersionTag, deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it, vi } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'odp-city-tables-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type CitiesModule = typeof import('../../pipeline/extract/lib/gazetteer/cities.js');

/** The cities module as a new process loads it: nothing built, nowhere to keep the tables yet. */
async function freshCities(): Promise<CitiesModule> {
  vi.resetModules();
  return import('../../pipeline/extract/lib/gazetteer/cities.js');
}

/** The cities of a fresh module kept at `path`. */
async function keptAt(path: string): Promise<ReturnType<CitiesModule['citiesByName']>> {
  const cities = await freshCities();
  cities.keepCityTablesAt(path);
  return cities.citiesByName();
}

interface Kept {
  format: number;
  v8: number;
  tables: { columns: Record<string, ArrayLike<number>>; rowsByName: Map<string, number | Int32Array> };
}

const names = ['Paris', 'Geneva', 'Washington', 'Fez', 'Marrakech', 'Can Tho', 'Springfield', 'Nice', 'Sankt Pölten', 'St. Pölten'];

describe('the kept city tables', () => {
  const path = join(folder, 'cities.v8');
  /** The kept file with a city named `name` that GeoNames does not have: answered only when the file is read. */
  const withAtlantis = (change: (kept: Kept) => void = () => undefined) => {
    const kept = deserialize(readFileSync(path)) as Kept;
    kept.tables.rowsByName.set('Atlantis of the Tests', 0);
    change(kept);
    writeFileSync(path, serialize(kept));
  };

  it('are written by the first process and give the answers the tables built give', async () => {
    const built = (await freshCities()).citiesByName();
    const kept = await keptAt(path);
    const read = await keptAt(path);
    for (const name of names) {
      expect(kept.get(name), name).toEqual(built.get(name));
      expect(read.get(name), name).toEqual(built.get(name));
    }
    expect(built.get('Paris')?.[0]?.countryCode).toBe('FR');
    expect((deserialize(readFileSync(path)) as Kept).v8).toBe(cachedDataVersionTag());
  });

  it('are read from the file by the next process, not built again', async () => {
    await keptAt(path);
    withAtlantis();
    expect((await keptAt(path)).has('Atlantis of the Tests')).toBe(true);
  });

  it.each<[string, () => void]>([
    ['damaged', () => writeFileSync(path, readFileSync(path).subarray(0, 1000))],
    ['of another format', () => withAtlantis((kept) => (kept.format = 0))],
    ['of another V8', () => withAtlantis((kept) => (kept.v8 += 1))],
    ['pointing at a row it does not have', () => withAtlantis((kept) => kept.tables.rowsByName.set('Atlantis of the Tests', kept.tables.columns['ids']!.length))],
    ['with a column shorter than the others', () => withAtlantis((kept) => (kept.tables.columns['latitudes'] = new Float64Array(1)))],
  ])('are built again, and kept anew, when the file is %s', async (_, spoil) => {
    await keptAt(path);
    spoil();
    const cities = await keptAt(path);
    expect(cities.has('Atlantis of the Tests')).toBe(false);
    expect(cities.get('Paris')?.[0]?.countryCode).toBe('FR');
    // Kept anew: the next process reads it.
    expect((deserialize(readFileSync(path)) as Kept).tables.rowsByName.has('Paris')).toBe(true);
  });

  it('are built all the same when the file cannot be written', async () => {
    const blocked = join(folder, 'a-file.txt');
    writeFileSync(blocked, 'a file where the folder of the tables would be');
    expect((await keptAt(join(blocked, 'cities.v8'))).get('Paris')?.[0]?.countryCode).toBe('FR');
    expect(readFileSync(blocked, 'utf8')).toBe('a file where the folder of the tables would be');
  });
});
