import { explainMatch, type MatchProfile } from '@citymatch/matching';
import { exclusionKeys, isOpen, pairsInRounds } from '@citymatch/matching/balance';
import { Injectable } from '@nestjs/common';
import { CountryExclusionsService } from '../exclusions/country-exclusions.service';
import { type ListedPair, PairIndex } from './pair-index';
import { type FitBand, fitOf, type ReadableExplanation, readableExplanation } from './readable-explanation';
import { type MutualPairs, SuggestionsReadModel } from './suggestions-read-model';

export type PairRanking = 'balanced' | 'score';

export interface NetworkPairsQuery {
  limit: number;
  offset?: number;
  explain?: boolean;
  ranking?: PairRanking;
  subregion?: string;
  country?: string;
  theme?: string;
  minScore?: number;
  /** Filters of other features (partnerships, interests), applied with the others before paging. */
  keep?: readonly PairFilter[];
}

/** One pair as the network view lists it. */
export interface NetworkPairView {
  score: number;
  fit: number;
  band: FitBand;
  members: Array<{ id: string; name: string; country: string; subregion: string }>;
  explanation?: ReadableExplanation;
}

/**
 * Another feature's filter, by pair keys "a|b" (a < b) read from its table: the pairs named in `keys` (those whose
 * key passes `test`, when given), or with `except`, every pair but those named.
 */
export interface PairFilter {
  keys: Iterable<string>;
  test?: (pairKey: string) => boolean;
  except?: boolean;
}

/** A PairFilter resolved to the listed pairs it names, tested by identity rather than by key. */
interface NamedPairs {
  pairs: Set<ListedPair>;
  /** In order, when the filter keeps only these. */
  only?: ListedPair[];
  except: boolean;
  /** The pairs' positions in the order, "3,17,…": what the filter names, as a key. */
  positions: string;
}

/**
 * The network's mutual pairs for the secretariat: read from the read model's lists in memory, without
 * the pairs the network rules now rule out (excluded country pairs, members closed to partnerships),
 * in the order asked for, then filtered and paged. The eligible pairs in order (and their indexes) are
 * worked out once per version of the pairs, the members and the exclusions; each request only filters them.
 */
@Injectable()
export class NetworkPairsService {
  private readonly ordered = new WeakMap<MutualPairs, WeakMap<Map<string, MatchProfile>, Map<string, PairIndex>>>();

  constructor(
    private readonly readModel: SuggestionsReadModel,
    private readonly exclusions: CountryExclusionsService,
  ) {}

  async pairs(query: NetworkPairsQuery) {
    const { limit, offset = 0, ranking = 'balanced' } = query;
    const [mutual, members, rules] = await Promise.all([this.readModel.mutualPairs(), this.readModel.profiles(), this.exclusions.rules()]);
    const { generation } = mutual;
    const index = this.eligibleInOrder(mutual, members, exclusionKeys(rules), ranking);
    const named = (query.keep ?? []).map((filter) => namedPairs(index, filter));
    const kept = keptPairs(index, query, named);
    const weights = generation?.weights;
    return {
      generation: generation && { id: generation.id, computedAt: generation.finishedAt },
      ranking,
      total: kept.length,
      limit,
      offset,
      // Plain object literals, no spreads: a page may hold 500 pairs, and copying each cost more than the rest of its view.
      matches: kept.slice(offset, offset + limit).map((pair): NetworkPairView => {
        const { fit, band } = fitOf(pair.score);
        const view: NetworkPairView = { score: pair.score, fit, band, members: [memberOf(pair.ma), memberOf(pair.mb)] };
        // Told from the first member's side, with the weights the pair was scored with.
        if (query.explain && weights)
          view.explanation = index.explanation(pair, ({ ma, mb }) => readableExplanation(ma, mb, explainMatch(ma, mb, weights)));
        return view;
      }),
    };
  }

  private eligibleInOrder(mutual: MutualPairs, members: Map<string, MatchProfile>, excluded: Set<string>, ranking: PairRanking) {
    let byMembers = this.ordered.get(mutual);
    if (!byMembers) this.ordered.set(mutual, (byMembers = new WeakMap()));
    let byKey = byMembers.get(members);
    if (!byKey) byMembers.set(members, (byKey = new Map()));
    const exclusionsKey = [...excluded].sort().join(',');
    const key = `${exclusionsKey}|${ranking}`;
    let index = byKey.get(key);
    if (!index) {
      const eligible = mutual.pairs.flatMap(({ a, b, score }): ListedPair[] => {
        const [ma, mb] = [members.get(a), members.get(b)];
        if (!ma || !mb || !isListable(ma) || !isListable(mb) || excluded.has(`${ma.country}:${mb.country}`)) return [];
        const fitThemes = [...fitThemesOf(ma, mb), ...fitThemesOf(mb, ma)];
        return [{ a, b, key: `${a}|${b}`, position: 0, score, aCountry: ma.country, bCountry: mb.country, ma, mb, fitThemes }];
      });
      const ordered = ranking === 'balanced' ? pairsInRounds(eligible) : eligible;
      ordered.forEach((pair, position) => (pair.position = position));
      index = new PairIndex(ordered);
      // Orders under exclusions no longer in force are dropped rather than kept for this version.
      for (const old of byKey.keys()) if (!old.startsWith(`${exclusionsKey}|`)) byKey.delete(old);
      byKey.set(key, index);
    }
    return index;
  }
}

/**
 * The pairs the query keeps, in order: the shortest list that holds them all, filtered once per index
 * and filter (the filter's key names the pairs other features' filters name, by their positions).
 */
function keptPairs(index: PairIndex, query: NetworkPairsQuery, named: readonly NamedPairs[]): readonly ListedPair[] {
  const keep = filterOf(query, named);
  if (!keep) return index.ordered;
  const { country, subregion, theme, minScore } = query;
  const filterKey = JSON.stringify([country, subregion, theme, minScore, named.map(({ except, positions }) => [except, positions])]);
  return index.kept(filterKey, () => {
    const lists = [
      index.ordered,
      ...(country === undefined ? [] : [index.byCountry(country)]),
      ...(subregion === undefined ? [] : [index.bySubregion(subregion)]),
      ...(theme === undefined ? [] : [index.byTheme(theme)]),
      ...named.flatMap(({ only }) => (only ? [only] : [])),
    ];
    return lists.reduce((shortest, list) => (list.length < shortest.length ? list : shortest)).filter(keep);
  });
}

/** Every filter of the query as one test of a pair, or undefined when there is none. */
function filterOf(
  { subregion, country, theme, minScore }: NetworkPairsQuery,
  named: readonly NamedPairs[],
): ((pair: ListedPair) => boolean) | undefined {
  if (subregion === undefined && country === undefined && theme === undefined && minScore === undefined && named.length === 0)
    return undefined;
  // Plain property reads: this may run for every pair of the network.
  return (pair) => {
    if (minScore !== undefined && pair.score < minScore) return false;
    if (country !== undefined && pair.aCountry !== country && pair.bCountry !== country) return false;
    if (subregion !== undefined && pair.ma.subregion !== subregion && pair.mb.subregion !== subregion) return false;
    if (theme !== undefined && !pair.fitThemes.includes(theme)) return false;
    for (const { pairs, except } of named) if (pairs.has(pair) === except) return false;
    return true;
  };
}

function namedPairs(index: PairIndex, { keys, test, except = false }: PairFilter): NamedPairs {
  const listed = index.byKeys(keys).filter((pair) => !test || test(pair.key));
  return { pairs: new Set(listed), only: except ? undefined : listed, except, positions: listed.map((pair) => pair.position).join(',') };
}

/** The themes `needing` needs that `offering` offers. */
function fitThemesOf(needing: MatchProfile, offering: MatchProfile): string[] {
  return Object.keys(needing.needs).filter((theme) => needing.needs[theme] > 0 && offering.offers[theme] > 0);
}

function memberOf({ id, name, country, subregion }: MatchProfile) {
  return { id, name: name ?? id, country, subregion: subregion ?? '' };
}

/** Lists follow a member that closes or leaves within the pipeline's latency; the view follows at once. */
function isListable(member: MatchProfile): boolean {
  return member.status === 'active' && isOpen(member);
}
