import { PageLimit, PageOffset } from '../../http/paging';

export class ListSessionsQuery {
  @PageLimit(100, 500)
  limit: number = 100;

  @PageOffset()
  offset: number = 0;
}
