import { Injectable } from '@nestjs/common';
import { type PairFilter, NetworkPairsService } from '../suggestions';
import type { InterestFilter, NetworkMatchesQuery, PartnershipFilter } from './dto/network-matches.query';
import { InterestsService } from './interests.service';
import { OPEN_STAGES, type Stage } from './partnership-stages';
import { PartnershipsService } from './partnerships.service';

const OPEN_PATH = '/api/v1/partnerships';

type Current = Map<string, { id: string; stage: Stage }>;

/**
 * The network's mutual pairs, each with the partnership it already has (id and stage) and, when it has
 * no open one, how to open one: the secretariat's POST, which records origin, score and explanation at
 * opening. Filters on partnerships and interests read them whole (a few thousand rows at most) and are
 * applied with the others before the page is cut.
 */
@Injectable()
export class NetworkMatchesService {
  constructor(
    private readonly pairs: NetworkPairsService,
    private readonly partnerships: PartnershipsService,
    private readonly interests: InterestsService,
  ) {}

  async matches(query: NetworkMatchesQuery) {
    const [every, sides] = await Promise.all([
      query.partnership ? this.partnerships.currentOfEveryPair() : undefined,
      query.interest ? this.interests.sidesByPair() : undefined,
    ]);
    const filters = [
      ...(every && query.partnership ? [partnershipFilter(every, query.partnership)] : []),
      ...(sides && query.interest ? [interestFilter(sides, query.interest)] : []),
    ];
    const keep: PairFilter | undefined =
      filters.length === 0
        ? undefined
        : {
            test: filters.length === 1 ? filters[0].test : (pair) => filters[0].test(pair) && filters[1].test(pair),
            only: filters.find((filter) => filter.only !== undefined)?.only,
          };
    const listed = await this.pairs.pairs({ ...query, keep });
    const current: Current = every ?? (await this.partnerships.currentOfPairs(listed.matches.map(({ members: [a, b] }) => [a.id, b.id])));
    return {
      ...listed,
      matches: listed.matches.map((match) => {
        const [a, b] = match.members;
        const partnership = current.get(`${a.id}|${b.id}`) ?? null;
        const isOpen = partnership !== null && OPEN_STAGES.includes(partnership.stage);
        return {
          ...match,
          partnership,
          open: isOpen ? null : { method: 'POST' as const, path: OPEN_PATH, body: { memberA: a.id, memberB: b.id } },
        };
      }),
    };
  }
}

/** Pairs by their partnerships; all but `none` keep only pairs that have one. */
function partnershipFilter(current: Current, filter: PartnershipFilter): PairFilter {
  if (filter === 'none') return { test: (pair) => !current.has(pair) };
  const test = (pair: string) => {
    const stage = current.get(pair)?.stage;
    return stage !== undefined && (filter === 'any' || OPEN_STAGES.includes(stage) === (filter === 'open'));
  };
  return { test, only: current.keys() };
}

/** Pairs by the interest marked in them; all but `none` keep only pairs with some. */
function interestFilter(sides: Map<string, 1 | 2>, filter: InterestFilter): PairFilter {
  if (filter === 'none') return { test: (pair) => !sides.has(pair) };
  const wanted = filter === 'mutual' ? 2 : 1;
  const test = (pair: string) => {
    const marked = sides.get(pair);
    return marked !== undefined && (filter === 'any' || marked === wanted);
  };
  return { test, only: sides.keys() };
}
