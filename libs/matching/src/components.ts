import {
  directional,
  distanceFromChord2,
  GEO_SCALE_KM,
  populationFromSizes,
  sharedScale,
  sizeDown,
  sizeUp,
  thematicScale,
  unitVector,
} from './pair-math';
import { presentThemes, type MatchProfile } from './profile';
import type { Weights } from './weights';

/** The five components of a directional score, each in [0, 1]. */
export interface ComponentScores {
  thematic: number;
  shared: number;
  population: number;
  geo: number;
  language: number;
}

/** Both directions of a pair: `aFromB` is directional(A←B), what B brings to A. */
export interface PairComponents {
  aFromB: ComponentScores;
  bFromA: ComponentScores;
  distanceKm: number;
}

function needLevelSum(p: MatchProfile): number {
  let sum = 0;
  for (const theme of presentThemes(p.needs)) sum += p.needs[theme];
  return sum;
}

/** Σ_t need_A(t)·offer_B(t) in levels. */
function levelProducts(a: MatchProfile, b: MatchProfile): number {
  let sum = 0;
  for (const theme of presentThemes(a.needs)) {
    const offer = b.offers[theme];
    if (offer > 0) sum += a.needs[theme] * offer;
  }
  return sum;
}

/** Σ_t min(need_A(t), need_B(t)) in levels; the same both ways. */
function levelMinima(a: MatchProfile, b: MatchProfile): number {
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

export function pairComponents(a: MatchProfile, b: MatchProfile): PairComponents {
  const minima = levelMinima(a, b);
  const sumA = needLevelSum(a);
  const sumB = needLevelSum(b);
  const km = distanceKm(a, b);
  const common = {
    population: populationSimilarity(a, b),
    geo: Math.exp(-km / GEO_SCALE_KM),
    language: sharedLanguage(a, b),
  };
  return {
    aFromB: {
      thematic: levelProducts(a, b) * thematicScale(sumA),
      shared: minima * sharedScale(sumA),
      ...common,
    },
    bFromA: {
      thematic: levelProducts(b, a) * thematicScale(sumB),
      shared: minima * sharedScale(sumB),
      ...common,
    },
    distanceKm: km,
  };
}

/** directional(A←B) from its components, with weights that already sum to 1. */
export function directionalFromComponents(w: Weights, c: ComponentScores): number {
  return directional(w, c.thematic, c.shared, c.population, c.language, c.geo);
}
