/**
 * What the matching library needs to know about a member. Structurally compatible with
 * the app's member record, so records can be passed as they are.
 */
export interface MatchProfile {
  id: string;
  name?: string;
  /** ISO 3166-1 alpha-2; two members of the same country are never matched. */
  country: string;
  /** Used by the subregion filter only. */
  subregion?: string;
  /** Level of government; absent counts as a city. */
  level?: GovernmentLevel;
  /** Inhabitants, > 0. */
  population: number;
  lat: number;
  lon: number;
  /** ISO 639-3 codes. */
  languages: readonly string[];
  status: 'active' | 'inactive';
  /** Theme → priority 1 (low) to 3 (high). Entries at 0 or below count as absent. */
  needs: Readonly<Record<string, number>>;
  /** Theme → expertise 1 (basic) to 3 (expert). Entries at 0 or below count as absent. */
  offers: Readonly<Record<string, number>>;
  /** Ids of existing partners; an agreement listed on either side counts. */
  partners: readonly string[];
  /** Ids this member does not want suggested again. */
  dismissed: readonly string[];
}

/** City, municipality (or district), region (province, state, prefecture), or an association of local governments. */
export type GovernmentLevel = 'city' | 'municipality' | 'region' | 'association';

/** One suggestion: the candidate's id and the match score. */
export interface ScoredCandidate {
  id: string;
  score: number;
}

/** The highest level of a need or an offer; levels are divided by it to lie in [0, 1]. */
export const MAX_LEVEL = 3;

/**
 * Best first: higher score, then lower id in plain string order (not localeCompare, so
 * the order is the same on every machine).
 */
export function compareCandidates(a: ScoredCandidate, b: ScoredCandidate): number {
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The themes of a needs or offers map that count (level > 0), in plain string order. */
export function presentThemes(levels: Readonly<Record<string, number>>): readonly string[] {
  let themes = PRESENT_THEMES.get(levels);
  if (!themes) {
    themes = Object.keys(levels)
      .filter((theme) => levels[theme] > 0)
      .sort(byPlainOrder);
    PRESENT_THEMES.set(levels, themes);
  }
  return themes;
}

/**
 * Scoring a stored list calls presentThemes on the same maps many times; profiles are treated
 * as immutable, so each map's sorted themes are remembered for as long as the map lives.
 */
const PRESENT_THEMES = new WeakMap<object, readonly string[]>();

export function byPlainOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
