import { Injectable } from '@nestjs/common';
import { SuggestionsService } from '../suggestions';
import { OPEN_STAGES } from './partnership-stages';
import { PartnershipsService } from './partnerships.service';

const OPEN_PATH = '/api/v1/partnerships';

/**
 * The network's best mutual pairs, each with the partnership it already has (id and stage) and, when it has
 * no open one, how to open one: the secretariat's POST, which records origin, score and explanation at opening.
 */
@Injectable()
export class NetworkMatchesService {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly partnerships: PartnershipsService,
  ) {}

  async matches(limit: number, page: { offset?: number; explain?: boolean } = {}) {
    const { generation, matches } = await this.suggestions.matches(limit, page);
    const current = await this.partnerships.currentOfPairs(matches.map(({ members: [a, b] }) => [a.id, b.id]));
    return {
      generation,
      matches: matches.map((match) => {
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
