import { isCandidate } from './eligibility';
import { compareCandidates, type MatchProfile, type ScoredCandidate } from './profile';
import { matchScore } from './score';
import { normaliseWeights, type Weights } from './weights';

/** Query-time filters on the candidate; every given filter must hold. */
export interface CandidateFilter {
  /** The candidate offers or needs this theme: a partner to work on it with, either way. */
  theme?: string;
  subregion?: string;
  /** Inclusive. */
  minPopulation?: number;
  /** Inclusive. */
  maxPopulation?: number;
  /** The candidate uses this language (ISO 639-3). */
  language?: string;
}

export interface RankOptions {
  k: number;
  weights?: Partial<Weights>;
  filter?: CandidateFilter;
  /** At most MAX_PER_COUNTRY candidates per country, taken in score order. */
  diversify?: boolean;
}

export const MAX_PER_COUNTRY = 3;

/**
 * The k best candidates for `member` among `members` (which may include the member itself),
 * best first, ties by id. Filters and diversification re-rank the eligible, score-ordered
 * list; they never change a score.
 */
export function rankCandidates(
  member: MatchProfile,
  members: Iterable<MatchProfile>,
  options: RankOptions,
): ScoredCandidate[] {
  const w = normaliseWeights(options.weights);
  const scored: (ScoredCandidate & { country: string })[] = [];
  for (const other of members) {
    if (!isCandidate(member, other) || !passes(other, options.filter)) continue;
    scored.push({ id: other.id, score: matchScore(member, other, w), country: other.country });
  }
  scored.sort(compareCandidates);

  const perCountry = new Map<string, number>();
  const ranked: ScoredCandidate[] = [];
  for (const candidate of scored) {
    if (ranked.length >= options.k) break;
    if (options.diversify) {
      const seen = perCountry.get(candidate.country) ?? 0;
      if (seen >= MAX_PER_COUNTRY) continue;
      perCountry.set(candidate.country, seen + 1);
    }
    ranked.push({ id: candidate.id, score: candidate.score });
  }
  return ranked;
}

function passes(candidate: MatchProfile, filter: CandidateFilter | undefined): boolean {
  if (!filter) return true;
  const { theme, subregion, minPopulation, maxPopulation, language } = filter;
  if (theme !== undefined && !(candidate.offers[theme] > 0 || candidate.needs[theme] > 0)) return false;
  if (subregion !== undefined && candidate.subregion !== subregion) return false;
  if (minPopulation !== undefined && candidate.population < minPopulation) return false;
  if (maxPopulation !== undefined && candidate.population > maxPopulation) return false;
  if (language !== undefined && !candidate.languages.includes(language)) return false;
  return true;
}
