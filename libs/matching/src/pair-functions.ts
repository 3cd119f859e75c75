/**
 * Each component's value for one direction, directional(A←B), pair by pair: the plain
 * definitions that the component table names and the kernel must match bit for bit.
 */
import {
  distanceFromChord2,
  GEO_SCALE_KM,
  populationFromSizes,
  sharedScale,
  sizeDown,
  sizeUp,
  thematicScale,
  unitVector,
} from './pair-math';
import { presentThemes, type GovernmentLevel, type MatchProfile } from './profile';

export function needLevelSum(p: MatchProfile): number {
  let sum = 0;
  for (const theme of presentThemes(p.needs)) sum += p.needs[theme];
  return sum;
}

/** Σ_t need_A(t)·offer_B(t) in levels. */
export function levelProducts(a: MatchProfile, b: MatchProfile): number {
  let sum = 0;
  for (const theme of presentThemes(a.needs)) {
    const offer = b.offers[theme];
    if (offer > 0) sum += a.needs[theme] * offer;
  }
  return sum;
}

/** Σ_t min(need_A(t), need_B(t)) in levels; the same both ways. */
export function levelMinima(a: MatchProfile, b: MatchProfile): number {
  let sum = 0;
  for (const theme of presentThemes(a.needs)) {
    const other = b.needs[theme];
    if (other > 0) sum += Math.min(a.needs[theme], other);
  }
  return sum;
}

/** thematic(A←B) = Σ_t n_A(t)·o_B(t) / N_A: how much of A's weighted needs B serves. */
export function thematicFit(a: MatchProfile, b: MatchProfile): number {
  return levelProducts(a, b) * thematicScale(needLevelSum(a));
}

/** shared(A←B) = Σ_t min(n_A(t), n_B(t)) / N_A. */
export function sharedNeeds(a: MatchProfile, b: MatchProfile): number {
  return levelMinima(a, b) * sharedScale(needLevelSum(a));
}

/** exp(−|ln pop_A − ln pop_B| / ln 10): 1 for equal size, 1/e for a tenfold gap. */
export function populationSimilarity(a: MatchProfile, b: MatchProfile): number {
  return populationFromSizes(sizeUp(a.population), sizeDown(a.population), sizeUp(b.population), sizeDown(b.population));
}

/** Great-circle distance in km on a sphere of radius 6371.0088 km. */
export function distanceKm(a: MatchProfile, b: MatchProfile): number {
  const [ax, ay, az] = unitVector(a.lat, a.lon);
  const [bx, by, bz] = unitVector(b.lat, b.lon);
  const dx = ax - bx;
  const dy = ay - by;
  const dz = az - bz;
  return distanceFromChord2(dx * dx + dy * dy + dz * dz);
}

/** exp(−d / 2000 km). */
export function geoProximity(a: MatchProfile, b: MatchProfile): number {
  return Math.exp(-distanceKm(a, b) / GEO_SCALE_KM);
}

/** 1 when the two share a language, else 0. */
export function sharedLanguage(a: MatchProfile, b: MatchProfile): number {
  return a.languages.some((language) => b.languages.includes(language)) ? 1 : 0;
}

/**
 * How well two levels of government fit as partners: 1 for the same level, 0.5 for a city and
 * a municipality (peers in everyday practice), 0 otherwise. A member without a level is a city.
 */
export function tierFit(a: MatchProfile, b: MatchProfile): number {
  return TIER_FIT[levelNumber(a.level)][levelNumber(b.level)];
}

/** Levels as small numbers, for the kernel's arrays. */
export const GOVERNMENT_LEVELS: readonly GovernmentLevel[] = ['city', 'municipality', 'region', 'association'];

export function levelNumber(level: GovernmentLevel | undefined): number {
  const n = GOVERNMENT_LEVELS.indexOf(level ?? 'city');
  return n < 0 ? 0 : n;
}

/** TIER_FIT[level A][level B], in GOVERNMENT_LEVELS order. */
export const TIER_FIT: readonly (readonly number[])[] = [
  [1, 0.5, 0, 0],
  [0.5, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
];
