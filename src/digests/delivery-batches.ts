import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';
import { NotificationsService, type Notification, type NotificationKind } from '../notifications';
import { UsersService, type UserRow } from '../users';
import { Batched } from './batched';
import { DeliveriesRepository, type Delivery, type DeliveryOutcome, type EarlierDigests } from './deliveries.repository';

/** Longer than a send with all its retries can take; a claim older than this belonged to a worker that died. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** The "not again" rule looks this many sent digests back. */
export const REMEMBERED_DIGESTS = 3;

type NewsAsked = { memberId: string | null; kinds: readonly NotificationKind[]; since: Date; until: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_WEEK = /^[0-9]{4}-W[0-9]{2}$/;

/**
 * The reads and writes of one digest job that concurrent jobs share a statement for: claiming the
 * log row, reading the user, its earlier digests and its member's news, settling the row. A week's
 * jobs spent most of their SQL time on these, one round trip each.
 */
@Injectable()
export class DeliveryBatches {
  private readonly claims = new Batched<string, Delivery | null>(async (keys) => {
    // A key asked twice in one batch is claimed once: the second caller finds it held, as it would a moment later.
    const distinct = [...new Set(keys)];
    const pairs = distinct.map((key) => ({ userId: key.slice(0, key.lastIndexOf(':')), week: key.slice(key.lastIndexOf(':') + 1) }));
    const claimed = await this.deliveries.claimMany(pairs, this.clock.now(), CLAIM_LEASE_MS);
    const firstAsked = new Set<string>();
    return keys.map((key) => {
      if (firstAsked.has(key)) return null;
      firstAsked.add(key);
      return claimed.get(key) ?? null;
    });
  });

  private readonly users = new Batched<string, UserRow | null>(async (ids) => {
    const found = await this.usersService.findByIds([...new Set(ids)]);
    return ids.map((id) => found.get(id) ?? null);
  });

  private readonly earlier = new Batched<{ userId: string; week: string }, EarlierDigests>(async (asked) => {
    // One statement per week in the batch (a week's run asks for one week).
    const answers = new Map<{ userId: string; week: string }, EarlierDigests>();
    for (const week of new Set(asked.map((key) => key.week))) {
      const ofWeek = asked.filter((key) => key.week === week);
      const found = await this.deliveries.earlierDigestsOf(
        ofWeek.map((key) => key.userId),
        week,
        REMEMBERED_DIGESTS,
      );
      ofWeek.forEach((key, index) => answers.set(key, found[index]));
    }
    return asked.map((key) => answers.get(key)!);
  });

  private readonly settlements = new Batched<{ id: string; outcome: DeliveryOutcome }, Delivery>(async (outcomes) => {
    const settled = await this.deliveries.settleMany(outcomes, this.clock.now());
    return outcomes.map(({ id }) => settled.get(id)!);
  });

  private readonly news = new Batched<NewsAsked, Notification[]>((asks) => this.notifications.betweenMany(asks));

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly usersService: UsersService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The (user, week) for one attempt, or null when it is settled or held by another attempt. */
  claim(userId: string, week: string): Promise<Delivery | null> {
    // Checked alone, so that a malformed id fails its own job and not the batch it would share a statement with.
    if (!UUID.test(userId)) return Promise.reject(new Error(`"${userId}" is not a user id`));
    if (!ISO_WEEK.test(week)) return Promise.reject(new Error(`"${week}" is not an ISO week`));
    return this.claims.load(`${userId.toLowerCase()}:${week}`);
  }

  user(userId: string): Promise<UserRow | null> {
    if (!UUID.test(userId)) return Promise.resolve(null);
    return this.users.load(userId.toLowerCase());
  }

  /** What the user's digests before `week` told (see DeliveriesRepository.earlierDigestsOf). */
  earlierDigests(userId: string, week: string): Promise<EarlierDigests> {
    return this.earlier.load({ userId, week });
  }

  /** The notifications a section tells (NotificationsService.between), read with those of the other recipients in the batch. */
  notificationsBetween(memberId: string | null, kinds: readonly NotificationKind[], since: Date, until: Date): Promise<Notification[]> {
    return this.news.load({ memberId, kinds, since, until });
  }

  settle(id: string, outcome: DeliveryOutcome): Promise<Delivery> {
    return this.settlements.load({ id, outcome });
  }
}
