import { PageLimit } from '../../../http/paging';

export class MatchesQuery {
  @PageLimit(50, 500)
  limit: number = 50;
}
