import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../clock';
import { APP_CONFIG } from '../config';
import type { AppConfig } from '../config';
import { DIGESTS_TICK_SCHEDULER } from '../jobs';
import { JobQueue, type BulkJob } from '../jobs';
import { UsersService } from '../users';
import { DeliveriesRepository } from './deliveries.repository';
import { digestJob } from './digest-job';
import { isoWeekOf, previousWeek, sendTimeOf } from './iso-week';

/** A send time missed (the service was down) is caught up within this long, then skipped as missed. */
export const CATCH_UP_MS = 24 * 3_600_000;
const TICK_CRON = '*/15 * * * *';

/**
 * The digests' clock. Every quarter of an hour (JobQueue.schedule: a BullMQ job scheduler on the services stack,
 * an in-process one on the embedded stack) the tick finds each active user whose local weekday and hour have come this week
 * and who has no delivery yet, and enqueues one job per person; it sends nothing itself.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveriesRepository,
    private readonly queue: JobQueue,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workers.inline) return;
    // Scheduling the name again replaces it; a null pattern (DIGESTS=off) removes it.
    await this.queue.schedule(DIGESTS_TICK_SCHEDULER, this.config.digests.schedule ? TICK_CRON : null, {
      name: 'digests.tick',
      payload: {},
    });
  }

  /** Enqueues the digests that are due; records as missed those more than a day late. Returns how many it enqueued. */
  async tick(): Promise<{ enqueued: number; missed: number }> {
    const now = this.clock.now();
    let enqueued = 0;
    let missed = 0;
    for await (const page of this.users.activeUsers()) {
      const weeks = new Set(page.flatMap((user) => [isoWeekOf(now, user.timeZone), previousWeek(isoWeekOf(now, user.timeZone))]));
      const settled = await this.deliveries.settledOrHeld(
        page.map((user) => user.id),
        [...weeks],
        now,
      );
      const due: BulkJob<'digests.send'>[] = [];
      for (const user of page) {
        const current = isoWeekOf(now, user.timeZone);
        for (const week of [previousWeek(current), current]) {
          if (settled.has(`${user.id}:${week}`)) continue;
          const sendTime = sendTimeOf(week, user.digestWeekday, user.digestHour, user.timeZone);
          if (sendTime.getTime() > now.getTime()) continue;
          if (now.getTime() - sendTime.getTime() <= CATCH_UP_MS) {
            due.push(digestJob(user.id, week));
          } else if (week === current) {
            await this.deliveries.skipIfAbsent(user.id, week, 'missed', now);
            missed += 1;
          }
        }
      }
      // One bulk add per page of users, not one round trip per recipient.
      await this.queue.enqueueMany(due);
      enqueued += due.length;
    }
    if (enqueued + missed > 0) this.logger.log(`digests: ${enqueued} enqueued, ${missed} missed`);
    return { enqueued, missed };
  }
}
