import { Injectable } from '@nestjs/common';
import { type PairFilter, NetworkPairsService } from '../suggestions';
import type { InterestFilter, NetworkMatchesQuery, PartnershipFilter } from './dto/network-matches.query';
import { InterestsService } from './interests.service';
import { OPEN_STAGES, type Stage } from './partnership-stages';
import { PartnershipsService } from './partnerships.service';

const OPEN_PATH = '/api/v1/partnerships';
/**
 * Above this many pairs on a page, every pair's partnership is read instead of the page's: the table holds a few
 * thousand rows at most, and naming 500 pairs in a query costs PGlite more than reading them all (measured, 4.6 against 1.8 ms).
 */
const NAMED_PAIRS_AT_MOST = 100;

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
    const listed = await this.pairs.pairs({ ...query, keep: filters });
    const current: Current = every ?? (await this.currentOf(listed.matches.map(({ members: [a, b] }) => [a.id, b.id])));
    return {
      ...listed,
      matches: listed.matches.map((match) => {
        const [a, b] = match.members;
        const partnership = current.get(`${a.id}|${b.id}`) ?? null;
        const isOpen = partnership !== null && OPEN_STAGES.includes(partnership.stage);
        // Added to the view made for this request rather than copied: a spread of 500 pairs cost more than the rest.
        return Object.assign(match, {
          partnership,
          open: isOpen ? null : { method: 'POST' as const, path: OPEN_PATH, body: { memberA: a.id, memberB: b.id } },
        });
      }),
    };
  }

  private currentOf(pairs: Array<[string, string]>): Promise<Current> {
    return pairs.length > NAMED_PAIRS_AT_MOST ? this.partnerships.currentOfEveryPair() : this.partnerships.currentOfPairs(pairs);
  }
}

/** Pairs by their partnerships. */
function partnershipFilter(current: Current, filter: PartnershipFilter): PairFilter {
  if (filter === 'none') return { keys: current.keys(), except: true };
  if (filter === 'any') return { keys: current.keys() };
  return { keys: current.keys(), test: (pair) => OPEN_STAGES.includes(current.get(pair)!.stage) === (filter === 'open') };
}

/** Pairs by the interest marked in them (1 side or 2). */
function interestFilter(sides: Map<string, 1 | 2>, filter: InterestFilter): PairFilter {
  if (filter === 'none') return { keys: sides.keys(), except: true };
  if (filter === 'any') return { keys: sides.keys() };
  const wanted = filter === 'mutual' ? 2 : 1;
  return { keys: sides.keys(), test: (pair) => sides.get(pair) === wanted };
}
