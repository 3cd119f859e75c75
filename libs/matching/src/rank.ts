import { computeTopKSync } from './kernel/compute-top-k';
import type { PreparedDataset } from './kernel/prepared-dataset';
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
export function rankCandidates(member: MatchProfile, members: Iterable<MatchProfile>, options: RankOptions): ScoredCandidate[] {
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

/** The first list size tried by rankPrepared; it doubles until the filters leave k candidates. */
const FIRST_WINDOW = 256;
/**
 * Up to this many members passing the filters, rankPrepared scores just them (filter first, then
 * score): a narrow filter (a subregion, a language) would otherwise widen the kernel's list again
 * and again until it held nearly every member.
 */
const SCORE_SURVIVORS_UP_TO = 1024;

/**
 * rankCandidates for a member of a prepared dataset, with the kernel: its exact top list, widened
 * until filtering and diversifying it leaves k candidates or it holds every eligible one. Each
 * attempt scans one row (a fraction of a millisecond for thousands of members), so a process that
 * keeps the dataset prepared answers filtered queries without scoring objects. `profileOf` gives
 * the candidates' profiles for the filters. An unknown or inactive member gets no candidates.
 */
export function rankPrepared(
  prepared: PreparedDataset,
  memberId: string,
  profileOf: (id: string) => MatchProfile | undefined,
  options: RankOptions,
  scoreSurvivorsUpTo = SCORE_SURVIVORS_UP_TO,
): ScoredCandidate[] {
  const source = prepared.indexOf.get(memberId);
  if (source === undefined || options.k <= 0) return [];
  const member = profileOf(memberId);
  if (member && hasFilter(options.filter)) {
    const survivors = passing(prepared, profileOf, options.filter, scoreSurvivorsUpTo);
    if (survivors.length <= scoreSurvivorsUpTo) return rankCandidates(member, survivors, options);
  }
  const unfiltered = !options.diversify && !hasFilter(options.filter);
  for (let window = unfiltered ? options.k : Math.max(FIRST_WINDOW, options.k); ; window *= 2) {
    const lists = computeTopKSync(prepared, { k: window, weights: options.weights, sourceRange: [source, source + 1] });
    const perCountry = new Map<string, number>();
    const ranked: ScoredCandidate[] = [];
    for (const candidate of lists.suggestions(0)) {
      const other = profileOf(candidate.id);
      if (!other || !passes(other, options.filter)) continue;
      if (options.diversify) {
        const seen = perCountry.get(other.country) ?? 0;
        if (seen >= MAX_PER_COUNTRY) continue;
        perCountry.set(other.country, seen + 1);
      }
      ranked.push(candidate);
      if (ranked.length >= options.k) return ranked;
    }
    if (lists.counts[0] < window) return ranked; // every eligible candidate was in the list
  }
}

/** The active members that pass the filters, stopping once there are more than `upTo`. */
function passing(
  prepared: PreparedDataset,
  profileOf: (id: string) => MatchProfile | undefined,
  filter: CandidateFilter | undefined,
  upTo: number,
): MatchProfile[] {
  const survivors: MatchProfile[] = [];
  for (const id of prepared.ids) {
    const candidate = profileOf(id);
    if (candidate && passes(candidate, filter) && survivors.push(candidate) > upTo) break;
  }
  return survivors;
}

function hasFilter(filter: CandidateFilter | undefined): boolean {
  return !!filter && Object.values(filter).some((value) => value !== undefined);
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
