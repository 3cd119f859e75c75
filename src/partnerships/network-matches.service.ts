import { Injectable } from '@nestjs/common';
import { NetworkPairsService } from '../suggestions';
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
    const keepPartnership = every && query.partnership ? partnershipTest(every, query.partnership) : undefined;
    const keepInterest = sides && query.interest ? interestTest(sides, query.interest) : undefined;
    const keep =
      keepPartnership && keepInterest
        ? (a: string, b: string) => keepPartnership(a, b) && keepInterest(a, b)
        : (keepPartnership ?? keepInterest);
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

function partnershipTest(current: Current, filter: PartnershipFilter) {
  return (a: string, b: string) => {
    const stage = current.get(`${a}|${b}`)?.stage;
    if (filter === 'none') return stage === undefined;
    if (filter === 'any') return stage !== undefined;
    return stage !== undefined && OPEN_STAGES.includes(stage) === (filter === 'open');
  };
}

function interestTest(sides: Map<string, 1 | 2>, filter: InterestFilter) {
  const wanted = { none: 0, 'one-sided': 1, mutual: 2 } as const;
  return (a: string, b: string) => {
    const marked = sides.get(`${a}|${b}`) ?? 0;
    return filter === 'any' ? marked > 0 : marked === wanted[filter];
  };
}
