import type { MatchProfile } from '../src';

/** A plain active member at (0, 0) with 10,000 people, to be adjusted per scenario. */
export function city(id: string, overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    id,
    country: 'PH',
    population: 10_000,
    lat: 0,
    lon: 0,
    languages: [],
    status: 'active',
    needs: {},
    offers: {},
    partners: [],
    dismissed: [],
    ...overrides,
  };
}
