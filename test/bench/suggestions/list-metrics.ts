import { directionalScores, distanceKm, type MatchProfile, type ScoredCandidate } from '@citymatch/matching';

/** What an evaluation measures on one set of default lists (top 20 per member). */
export interface ListMetrics {
  lists: number;
  countryShareMedian: number;
  countryShareP90: number;
  medianDistanceKm: number;
  oneSidedShare: number;
  coverage1: number;
  coverage3: number;
  maxExposure: number;
  meanExposure: number;
  meanScore: number;
  /** Shares of entries with a fit (score × 100, rounded) of 50 and above, and of 40-49. */
  strongShare: number;
  goodShare: number;
}

/**
 * `lists` maps each member to its list; `withCandidates` are the members that have at least one
 * candidate (the pure ranking's non-empty lists), the ones coverage and exposure are counted over.
 */
export function measureLists(
  lists: ReadonlyMap<string, readonly ScoredCandidate[]>,
  profiles: ReadonlyMap<string, MatchProfile>,
  withCandidates: readonly string[],
): ListMetrics {
  const shares: number[] = [];
  const distances: number[] = [];
  const exposure = new Map<string, number>();
  let oneSided = 0;
  let entries = 0;
  let scoreSum = 0;
  let strong = 0;
  let good = 0;
  for (const [memberId, list] of lists) {
    if (list.length === 0) continue;
    const member = profiles.get(memberId)!;
    const perCountry = new Map<string, number>();
    for (const { id, score } of list) {
      const candidate = profiles.get(id)!;
      perCountry.set(candidate.country, (perCountry.get(candidate.country) ?? 0) + 1);
      distances.push(distanceKm(member, candidate));
      const { aFromB: x, bFromA: y } = directionalScores(member, candidate);
      if (Math.min(x, y) < Math.max(x, y) / 3) oneSided++;
      exposure.set(id, (exposure.get(id) ?? 0) + 1);
      scoreSum += score;
      const fit = Math.round(100 * score);
      if (fit >= 50) strong++;
      else if (fit >= 40) good++;
      entries++;
    }
    shares.push(Math.max(...perCountry.values()) / list.length);
  }
  const counts = withCandidates.map((id) => exposure.get(id) ?? 0);
  const covered = (at: number) => counts.filter((count) => count >= at).length / Math.max(1, counts.length);
  return {
    lists: shares.length,
    countryShareMedian: quantile(shares, 0.5),
    countryShareP90: quantile(shares, 0.9),
    medianDistanceKm: quantile(distances, 0.5),
    oneSidedShare: oneSided / Math.max(1, entries),
    coverage1: covered(1),
    coverage3: covered(3),
    maxExposure: Math.max(0, ...counts),
    meanExposure: entries / Math.max(1, counts.length),
    meanScore: scoreSum / Math.max(1, entries),
    strongShare: strong / Math.max(1, entries),
    goodShare: good / Math.max(1, entries),
  };
}

/** The q-quantile by the nearest-rank method (0 for no values). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
