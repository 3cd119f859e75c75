/** fast-check generators of small datasets that hit every rule: shared countries, ties, partners. */
import fc from 'fast-check';

import { DEFAULT_WEIGHTS, type GovernmentLevel, type MatchProfile } from '../src';

export const THEMES = ['climate', 'culture', 'finance', 'health', 'housing', 'water'];
const COUNTRIES = ['FJ', 'JP', 'PH', 'TH'];
const LANGUAGES = ['eng', 'fil', 'jpn', 'tha'];
const PLACES: [number, number][] = [
  [14.6, 121],
  [-18.1, 178.4],
  [35.7, 139.7],
  [13.8, 100.5],
  [-33.9, 151.2],
];

const levels = fc.dictionary(fc.constantFrom(...THEMES), fc.integer({ min: 1, max: 3 }), { maxKeys: 4 });

/** A profile without id, partners or dismissals. */
export const profileBody = fc.record({
  name: fc.option(fc.constantFrom('Iloilo', 'Suva', 'Kobe'), { nil: undefined }),
  country: fc.constantFrom(...COUNTRIES),
  level: fc.option(fc.constantFrom<GovernmentLevel>('city', 'municipality', 'region', 'association'), { nil: undefined }),
  population: fc.oneof(fc.constantFrom(1000, 10000, 100000), fc.integer({ min: 1, max: 30_000_000 })),
  place: fc.oneof(
    fc.constantFrom(...PLACES),
    fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })),
  ),
  languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { maxLength: 2 }),
  status: fc.constantFrom<'active' | 'inactive'>('active', 'active', 'active', 'active', 'inactive'),
  needs: levels,
  offers: levels,
});

type Body = typeof profileBody extends fc.Arbitrary<infer T> ? T : never;

export function toProfile(id: string, body: Body, partners: string[] = [], dismissed: string[] = []): MatchProfile {
  const { place, ...rest } = body;
  return { id, ...rest, lat: place[0], lon: place[1], partners, dismissed };
}

/** Ids whose plain order differs from numeric and locale order. */
export function idOf(index: number): string {
  return ['m', 'M', 'x'][index % 3] + String(index);
}

/**
 * 0..maxSize profiles; some are exact copies of others (ties), and some name partners and
 * dismissals among the dataset (and unknown ids).
 */
export function dataset(maxSize = 24): fc.Arbitrary<MatchProfile[]> {
  return fc
    .array(fc.tuple(profileBody, fc.nat(), fc.array(fc.nat(), { maxLength: 2 }), fc.array(fc.nat(), { maxLength: 2 })), {
      maxLength: maxSize,
    })
    .map((rows) =>
      rows.map(([body, copyOf, partners, dismissed], i) => {
        const source = copyOf % 4 === 0 && i > 0 ? rows[copyOf % i][0] : body;
        const ref = (n: number): string => (n % 7 === 6 ? 'unknown' : idOf(n % rows.length));
        return toProfile(idOf(i), source, partners.map(ref), dismissed.map(ref));
      }),
    );
}

export const weights = fc
  .record(
    {
      thematic: fc.double({ min: 0, max: 5, noNaN: true }),
      shared: fc.double({ min: 0, max: 5, noNaN: true }),
      population: fc.double({ min: 0, max: 5, noNaN: true }),
      geo: fc.double({ min: 0, max: 5, noNaN: true }),
      language: fc.double({ min: 0, max: 5, noNaN: true }),
      tier: fc.double({ min: 0, max: 5, noNaN: true }),
    },
    { requiredKeys: [] },
  )
  .filter((w) => Object.values({ ...DEFAULT_WEIGHTS, ...w }).some((v) => v > 0));
