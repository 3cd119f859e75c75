import type { GeoNamesSeedOptions } from './geonames-profiles';

export { loadGeoNamesProfiles, type GeoNamesSeedOptions } from './geonames-profiles';

/** The app's demo data: real Asia-Pacific cities of 20,000 people or more (about 6,100). */
export const DEMO_SEED: Readonly<GeoNamesSeedOptions> = Object.freeze({
  minPopulation: 20000,
  region: 'asia-pacific',
});
