import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { JobQueue } from '../jobs/job-queue';
import { NotificationsService } from '../notifications';
import { type DormancyReason, DormancyRepository } from './dormancy.repository';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';
import { milestoneDueNotices } from './stage-notices';

const REASONS: Record<DormancyReason, string> = {
  'no-activity': 'no activity logged',
  'milestone-overdue': 'a milestone is more than 90 days overdue',
  'term-ended': "the agreement's term has ended",
};

/**
 * The daily dormancy check. The sweep only finds what to look at and enqueues one check per
 * partnership; each check decides as of the sweep's instant, so a check that runs twice (a worker
 * died, the job was retried) finds the partnership already dormant and the notices already sent.
 */
@Injectable()
export class DormancyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dormancy: DormancyRepository,
    private readonly repository: PartnershipsRepository,
    private readonly partnerships: PartnershipsService,
    private readonly notifications: NotificationsService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async sweep(asOf: Date = this.clock.now()): Promise<{ enqueued: number }> {
    const ids = await this.dormancy.toCheck(this.rules(asOf));
    for (const partnershipId of ids) await this.queue.enqueue('partnerships.dormancy-check', { partnershipId, asOf: asOf.toISOString() });
    return { enqueued: ids.length };
  }

  async check(partnershipId: string, asOf: Date): Promise<{ dormant: DormancyReason | null }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.repository.within(manager).byId(partnershipId, true);
      if (!current) return { dormant: null };
      const reasonOf = await this.dormancy.reason(manager, partnershipId, this.rules(asOf));
      for (const milestone of await this.dormancy.milestonesDue(manager, partnershipId, asOf))
        await this.notifications.notify(manager, milestoneDueNotices(current, milestone));
      if (current.stage !== 'implementing' || !reasonOf) return { dormant: null };
      const days = this.config.partnerships.dormantAfterDays;
      const reason = reasonOf === 'no-activity' ? `${REASONS[reasonOf]} for ${days} days` : REASONS[reasonOf];
      await this.partnerships.move(manager, current, { to: 'dormant', reason, note: 'dormancy check' }, null);
      return { dormant: reasonOf };
    });
  }

  private rules(asOf: Date) {
    return { asOf, dormantAfterDays: this.config.partnerships.dormantAfterDays };
  }
}
