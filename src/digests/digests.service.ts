import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../clock';
import { JobQueue } from '../jobs';
import { UsersService } from '../users';
import { DeliveriesRepository, type Delivery, type DeliveryStatus } from './deliveries.repository';
import { DigestAssembly } from './digest-assembly';
import { digestJob } from './digest-job';
import type { DeliveriesQuery } from './dto/digest-queries';
import { isoWeekOf } from './iso-week';
import { UnsubscribeTokens } from './unsubscribe-tokens';

export interface WeekRun {
  week: string;
  recipients: number;
  sent: number;
  failed: number;
  queued: number;
  skipped: Record<string, number>;
}

/** The secretariat's side of digests: previews, running a week by hand, figures, and unsubscribing. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly assembly: DigestAssembly,
    private readonly deliveries: DeliveriesRepository,
    private readonly users: UsersService,
    private readonly queue: JobQueue,
    private readonly tokens: UnsubscribeTokens,
    private readonly clock: Clock,
  ) {}

  async preview(userId: string, week?: string) {
    const user = await this.users.findById(userId);
    if (!user)
      throw new NotFoundException({ message: `user "${userId}" not found`, details: [{ field: 'userId', message: 'no such user' }] });
    const forWeek = week ?? isoWeekOf(this.clock.now(), user.timeZone);
    const digest = await this.assembly.assemble(user, forWeek, this.clock.now());
    if (!digest) return { userId, week: forWeek, empty: true, subject: null, html: null, text: null, sections: [] };
    const { subject, html, text, sections } = digest;
    return { userId, week: forWeek, empty: false, subject, html, text, sections };
  }

  /** Every active user's digest of the week, by hand; those already settled are left as they are. */
  async runWeek(
    week: string,
    dryRun: boolean,
  ): Promise<{ week: string; dryRun: boolean; recipients: number; alreadyDone: number; enqueued: number }> {
    let recipients = 0;
    let alreadyDone = 0;
    let enqueued = 0;
    const now = this.clock.now();
    for await (const page of this.users.activeUsers()) {
      recipients += page.length;
      const done = await this.deliveries.settledOrHeld(
        page.map((user) => user.id),
        [week],
        now,
      );
      alreadyDone += done.size;
      if (dryRun) continue;
      // One bulk add per page: a round trip to Redis per recipient was most of a large week's time.
      const jobs = page.filter((user) => !done.has(`${user.id}:${week}`)).map((user) => digestJob(user.id, week));
      await this.queue.enqueueMany(jobs);
      enqueued += jobs.length;
    }
    return { week, dryRun, recipients, alreadyDone, enqueued: dryRun ? 0 : enqueued };
  }

  async runs(weeks: number): Promise<WeekRun[]> {
    const byWeek = new Map<string, WeekRun>();
    for (const row of await this.deliveries.runs(weeks)) {
      const run = byWeek.get(row.week) ?? { week: row.week, recipients: 0, sent: 0, failed: 0, queued: 0, skipped: {} };
      run.recipients += row.count;
      if (row.status === 'skipped') run.skipped[row.reason ?? 'other'] = (run.skipped[row.reason ?? 'other'] ?? 0) + row.count;
      else run[row.status as Exclude<DeliveryStatus, 'skipped'>] += row.count;
      byWeek.set(row.week, run);
    }
    return [...byWeek.values()];
  }

  deliveriesOf(query: DeliveriesQuery): Promise<Delivery[]> {
    return this.deliveries.list(query);
  }

  /** One-click unsubscribe: takes effect at once. False for a token that is not ours. */
  async unsubscribe(token: string): Promise<boolean> {
    const userId = await this.tokens.verify(token);
    if (!userId) return false;
    await this.users.setDigestEnabled(userId, false);
    return true;
  }
}
