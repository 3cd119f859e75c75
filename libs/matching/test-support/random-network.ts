import fc from 'fast-check';

import type { MatchProfile } from '../src';

/** The shape of the balance module's NetworkProfile and NetworkRules. */
type NetworkProfile = MatchProfile & { openToPartnerships: boolean; capacity: number | null };
interface NetworkRules {
  excludedCountryPairs: Array<[string, string]>;
}

const THEMES = ['climate', 'culture', 'disaster', 'finance', 'gender', 'governance', 'health', 'housing', 'planning', 'water'];
const COUNTRIES = ['IN', 'CN', 'ID', 'JP', 'PH', 'VN', 'TH', 'AU', 'NZ', 'FJ', 'MN', 'KR', 'LK', 'NP'];

export interface RandomNetwork {
  profiles: NetworkProfile[];
  rules: NetworkRules;
}

/**
 * A network of `size` members in which the first country holds `dominantShare` of them, as India
 * does in the demo data; a few members are closed or have a small capacity, some dismissed or
 * partnered others, and the dominant country is excluded from matching with one other country.
 * For the balance properties only: the library's own arbitraries are for exactness at small sizes.
 */
export function randomNetwork(seed: number, size: number, dominantShare: number): RandomNetwork {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const levels = (count: number) => {
    const out: Record<string, number> = {};
    for (let t = 0; t < count; t++) out[pick(THEMES)] = 1 + Math.floor(random() * 3);
    return out;
  };
  const profiles = Array.from({ length: size }, (_, i): NetworkProfile => {
    const country = random() < dominantShare ? COUNTRIES[0] : pick(COUNTRIES.slice(1));
    const c = COUNTRIES.indexOf(country);
    return {
      id: `m${i}`,
      country,
      population: Math.round(10_000 * Math.exp(random() * 7)),
      lat: -40 + ((c * 37) % 80) + random() * 8,
      lon: 70 + ((c * 53) % 110) + random() * 8,
      languages: random() < 0.4 ? ['eng'] : [`l${c}`],
      status: random() < 0.97 ? 'active' : 'inactive',
      needs: levels(2 + Math.floor(random() * 3)),
      offers: levels(1 + Math.floor(random() * 3)),
      partners: random() < 0.05 ? [`m${Math.floor(random() * size)}`] : [],
      dismissed: random() < 0.05 ? [`m${Math.floor(random() * size)}`] : [],
      openToPartnerships: random() >= 0.03,
      capacity: random() < 0.05 ? 1 + Math.floor(random() * 3) : null,
    };
  });
  return { profiles, rules: { excludedCountryPairs: [[COUNTRIES[0], pick(COUNTRIES.slice(1))]] } };
}

export const networkArbitrary = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  size: fc.integer({ min: 500, max: 5000 }),
  dominantShare: fc.double({ min: 0.3, max: 0.5, noNaN: true }),
});

function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
