import worldCountries from 'world-countries';

import { isLanguageCode } from './languages';

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  name: string;
  region: string;
  /** UN M49 subregion as world-countries names it, e.g. "South-Eastern Asia". */
  subregion: string;
  /** Official languages as ISO 639-3 codes. */
  languages: readonly string[];
}

/** Asia outside Western Asia, and Oceania: the association's membership area. */
export const ASIA_PACIFIC_SUBREGIONS: readonly string[] = [
  'Central Asia',
  'Eastern Asia',
  'South-Eastern Asia',
  'Southern Asia',
  'Australia and New Zealand',
  'Melanesia',
  'Micronesia',
  'Polynesia',
];

const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  worldCountries.map((c) => [
    c.cca2,
    Object.freeze({
      code: c.cca2,
      name: c.name.common,
      region: c.region,
      // Antarctica and the sub-Antarctic islands have a region ("Antarctic") but no subregion.
      subregion: c.subregion || c.region,
      // world-countries lists a few ISO 639-2/5 collective codes (ber, khi, smi) that are not ISO 639-3.
      languages: Object.freeze(Object.keys(c.languages ?? {}).filter(isLanguageCode)),
    }),
  ]),
);

export const ASIA_PACIFIC_COUNTRY_CODES: readonly string[] = Object.freeze(
  [...COUNTRIES.values()]
    .filter((c) => ASIA_PACIFIC_SUBREGIONS.includes(c.subregion))
    .map((c) => c.code)
    .sort(),
);

const ASIA_PACIFIC = new Set(ASIA_PACIFIC_COUNTRY_CODES);

/** Every subregion a member can be in (it follows from the country), alphabetically. */
export const SUBREGIONS: readonly string[] = Object.freeze([...new Set([...COUNTRIES.values()].map((c) => c.subregion))].sort());

const SUBREGIONS_BY_LOWER_CASE = new Map(SUBREGIONS.map((name) => [name.toLowerCase(), name]));

/** The subregion spelled this way in any letter case ("melanesia" → "Melanesia"), or undefined. */
export function subregionNamed(name: string): string | undefined {
  return SUBREGIONS_BY_LOWER_CASE.get(name.trim().toLowerCase());
}

/** True for an upper-case ISO 3166-1 alpha-2 code that world-countries knows, e.g. 'ID'. */
export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && COUNTRIES.has(code);
}

export function countryByCode(code: string): Country | undefined {
  return COUNTRIES.get(code);
}

export function subregionOf(code: string): string | undefined {
  return COUNTRIES.get(code)?.subregion;
}

export function isAsiaPacific(code: string): boolean {
  return ASIA_PACIFIC.has(code);
}
