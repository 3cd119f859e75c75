import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import type { NewNotification, Notification, NotificationKind } from './notification.types';
import { NotificationsRepository } from './notifications.repository';

const FEED_LIMIT = 200;

/** What a person must act on or know about, recorded in the transaction of the event that caused it. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  /** Records inside `manager`'s transaction: the event and its notifications commit together. */
  notify(manager: EntityManager, items: NewNotification[]): Promise<void> {
    return this.repository.insert(manager, items, this.clock.now());
  }

  forMember(memberId: string, since?: Date, unread = false): Promise<Notification[]> {
    return this.repository.list(memberId, { since, unread, limit: FEED_LIMIT });
  }

  forSecretariat(since?: Date, unread = false): Promise<Notification[]> {
    return this.repository.list(null, { since, unread, limit: FEED_LIMIT });
  }

  /** What happened in [since, until) for a member's officials (or the secretariat, memberId null), oldest first: what a digest tells. */
  between(memberId: string | null, kinds: readonly NotificationKind[], since: Date, until: Date): Promise<Notification[]> {
    return this.repository.between(memberId, kinds, since, until, FEED_LIMIT);
  }

  /** `between` for several audiences at once (a batch of digests): one list per ask, in the order asked. */
  betweenMany(
    asks: Array<{ memberId: string | null; kinds: readonly NotificationKind[]; since: Date; until: Date }>,
  ): Promise<Notification[][]> {
    return this.repository.betweenMany(asks, FEED_LIMIT);
  }

  async markRead(memberId: string | null, ids?: string[]): Promise<{ marked: number }> {
    return { marked: await this.repository.markRead(memberId, ids, this.clock.now()) };
  }
}
