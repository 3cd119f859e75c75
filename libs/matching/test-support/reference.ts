/**
 * The scoring rules written out as plainly as possible, straight from the formula, for
 * the tests to check the library against. Nothing here is shared with the library.
 */
import type { MatchProfile, ScoredCandidate, Weights } from '../src';

const R = 6371.0088;

function levels(map: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(map).filter(([, level]) => level > 0);
}

export function refThematic(a: MatchProfile, b: MatchProfile): number {
  const needs = levels(a.needs);
  const total = needs.reduce((sum, [, level]) => sum + level / 3, 0);
  if (total === 0) return 0;
  const served = needs.reduce((sum, [theme, level]) => sum + (level / 3) * ((b.offers[theme] > 0 ? b.offers[theme] : 0) / 3), 0);
  return served / total;
}

export function refShared(a: MatchProfile, b: MatchProfile): number {
  const needs = levels(a.needs);
  const total = needs.reduce((sum, [, level]) => sum + level / 3, 0);
  if (total === 0) return 0;
  const common = needs.reduce((sum, [theme, level]) => sum + Math.min(level / 3, (b.needs[theme] > 0 ? b.needs[theme] : 0) / 3), 0);
  return common / total;
}

export function refPopulation(a: MatchProfile, b: MatchProfile): number {
  return Math.exp(-Math.abs(Math.log(a.population) - Math.log(b.population)) / Math.log(10));
}

/** Haversine. */
export function refDistanceKm(a: MatchProfile, b: MatchProfile): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function refGeo(a: MatchProfile, b: MatchProfile): number {
  return Math.exp(-refDistanceKm(a, b) / 2000);
}

export function refLanguage(a: MatchProfile, b: MatchProfile): number {
  return a.languages.some((l) => b.languages.includes(l)) ? 1 : 0;
}

/** 1 for the same level of government, 0.5 for a city and a municipality, else 0; no level is a city. */
export function refTier(a: MatchProfile, b: MatchProfile): number {
  const la = a.level ?? 'city';
  const lb = b.level ?? 'city';
  if (la === lb) return 1;
  return [la, lb].sort().join() === 'city,municipality' ? 0.5 : 0;
}

export function refDirectional(a: MatchProfile, b: MatchProfile, w: Weights): number {
  return (
    w.thematic * refThematic(a, b) +
    w.shared * refShared(a, b) +
    w.population * refPopulation(a, b) +
    w.geo * refGeo(a, b) +
    w.language * refLanguage(a, b) +
    w.tier * refTier(a, b)
  );
}

export function refMatch(a: MatchProfile, b: MatchProfile, w: Weights): number {
  const x = refDirectional(a, b, w);
  const y = refDirectional(b, a, w);
  return x + y === 0 ? 0 : (2 * x * y) / (x + y);
}

export function refIsCandidate(a: MatchProfile, b: MatchProfile): boolean {
  if (a.id === b.id) return false;
  if (a.status !== 'active' || b.status !== 'active') return false;
  if (a.country === b.country) return false;
  if (!(refThematic(a, b) > 0 || refThematic(b, a) > 0)) return false;
  if (a.partners.includes(b.id) || b.partners.includes(a.id)) return false;
  if (a.dismissed.includes(b.id)) return false;
  return true;
}

/** Every active member's k best candidates, best first, ties by id in plain string order. */
export function refTopK(profiles: readonly MatchProfile[], k: number, w: Weights): Map<string, ScoredCandidate[]> {
  const lists = new Map<string, ScoredCandidate[]>();
  for (const a of profiles) {
    if (a.status !== 'active') continue;
    const candidates = profiles
      .filter((b) => refIsCandidate(a, b))
      .map((b) => ({ id: b.id, score: refMatch(a, b, w) }))
      .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    lists.set(a.id, candidates.slice(0, k));
  }
  return lists;
}
