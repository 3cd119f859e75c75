import { Injectable } from '@nestjs/common';
import { ChangeFeed } from '../storage/change-feed';
import { BalancedListsRepository, type BalancedSnapshot } from './balanced-lists.repository';

/**
 * The default lists as the API reads them, kept in this process's memory and dropped when a run is
 * stored (the `balanced` notification) or the change feed restarts (`*`); while the feed is down
 * every read goes to the database.
 */
@Injectable()
export class BalancedListsReadModel {
  private snapshot?: Promise<BalancedSnapshot>;

  constructor(
    private readonly repository: BalancedListsRepository,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe((payload) => {
      if (payload === '*' || payload === 'balanced') this.snapshot = undefined;
    });
  }

  lists(): Promise<BalancedSnapshot> {
    if (!this.feed.listening) return this.repository.snapshot();
    const loading = (this.snapshot ??= this.repository.snapshot());
    loading.catch(() => this.snapshot === loading && (this.snapshot = undefined));
    return loading;
  }
}
