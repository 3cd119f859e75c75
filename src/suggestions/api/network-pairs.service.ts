import { explainMatch, type MatchProfile } from '@citymatch/matching';
import { exclusionKeys, isOpen, type NetworkPair, pairsInRounds } from '@citymatch/matching/balance';
import { Injectable } from '@nestjs/common';
import { CountryExclusionsService } from '../exclusions/country-exclusions.service';
import { fitOf, readableExplanation } from './readable-explanation';
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
  /** A filter of another feature's (partnerships, interests), applied with the others before paging. */
  keep?: (a: string, b: string) => boolean;
}

/** A pair as listed, with both profiles at hand for the filters. */
interface ListedPair extends NetworkPair {
  profiles: readonly [MatchProfile, MatchProfile];
}

/**
 * The network's mutual pairs for the secretariat: read from the read model's lists in memory, without
 * the pairs the network rules now rule out (excluded country pairs, members closed to partnerships),
 * in the order asked for, then filtered and paged. The eligible pairs in order are worked out once per
 * version of the pairs, the members and the exclusions; each request only filters them.
 */
@Injectable()
export class NetworkPairsService {
  private readonly ordered = new WeakMap<MutualPairs, WeakMap<Map<string, MatchProfile>, Map<string, ListedPair[]>>>();

  constructor(
    private readonly readModel: SuggestionsReadModel,
    private readonly exclusions: CountryExclusionsService,
  ) {}

  async pairs(query: NetworkPairsQuery) {
    const { limit, offset = 0, ranking = 'balanced' } = query;
    const [mutual, members, rules] = await Promise.all([this.readModel.mutualPairs(), this.readModel.profiles(), this.exclusions.rules()]);
    const { generation } = mutual;
    const listed = this.eligibleInOrder(mutual, members, exclusionKeys(rules), ranking);
    const keep = filterOf(query);
    const page: ListedPair[] = [];
    let total = 0;
    for (const pair of listed) {
      if (!keep(pair)) continue;
      if (total >= offset && page.length < limit) page.push(pair);
      total += 1;
    }
    return {
      generation: generation && { id: generation.id, computedAt: generation.finishedAt },
      ranking,
      total,
      limit,
      offset,
      matches: page.map(({ score, profiles: [a, b] }) => ({
        score,
        ...fitOf(score),
        members: [a, b].map(({ id, name, country, subregion }) => ({ id, name: name ?? id, country, subregion: subregion ?? '' })),
        // Told from the first member's side, with the weights the pair was scored with.
        ...(query.explain && generation ? { explanation: readableExplanation(a, b, explainMatch(a, b, generation.weights)) } : {}),
      })),
    };
  }

  private eligibleInOrder(mutual: MutualPairs, members: Map<string, MatchProfile>, excluded: Set<string>, ranking: PairRanking) {
    let byMembers = this.ordered.get(mutual);
    if (!byMembers) this.ordered.set(mutual, (byMembers = new WeakMap()));
    let byKey = byMembers.get(members);
    if (!byKey) byMembers.set(members, (byKey = new Map()));
    const exclusionsKey = [...excluded].sort().join(',');
    const key = `${exclusionsKey}|${ranking}`;
    let listed = byKey.get(key);
    if (!listed) {
      const eligible = mutual.pairs.flatMap(({ a, b, score }): ListedPair[] => {
        const [ma, mb] = [members.get(a), members.get(b)];
        if (!ma || !mb || !isListable(ma) || !isListable(mb) || excluded.has(`${ma.country}:${mb.country}`)) return [];
        return [{ a, b, score, aCountry: ma.country, bCountry: mb.country, profiles: [ma, mb] }];
      });
      listed = ranking === 'balanced' ? pairsInRounds(eligible) : eligible;
      // Orders under exclusions no longer in force are dropped rather than kept for this version.
      for (const old of byKey.keys()) if (!old.startsWith(`${exclusionsKey}|`)) byKey.delete(old);
      byKey.set(key, listed);
    }
    return listed;
  }
}

/** Every filter of the query as one test of a pair. */
function filterOf({ subregion, country, theme, minScore, keep }: NetworkPairsQuery): (pair: ListedPair) => boolean {
  return ({ a, b, score, aCountry, bCountry, profiles: [ma, mb] }) =>
    (minScore === undefined || score >= minScore) &&
    (country === undefined || aCountry === country || bCountry === country) &&
    (subregion === undefined || ma.subregion === subregion || mb.subregion === subregion) &&
    (theme === undefined || (ma.needs[theme] > 0 && mb.offers[theme] > 0) || (mb.needs[theme] > 0 && ma.offers[theme] > 0)) &&
    (keep === undefined || keep(a, b));
}

/** Lists follow a member that closes or leaves within the pipeline's latency; the view follows at once. */
function isListable(member: MatchProfile): boolean {
  return member.status === 'active' && isOpen(member);
}
