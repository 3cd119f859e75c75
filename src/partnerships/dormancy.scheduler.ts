import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { BullMqJobQueue } from '../jobs/bullmq-job-queue';
import { DORMANCY_SCHEDULER } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';

/** The daily dormancy sweep, on BullMQ's job scheduler: one sweep per cron tick, whichever worker runs it. */
@Injectable()
export class DormancyScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.queue instanceof BullMqJobQueue)) return;
    const cron = this.config.partnerships.dormancyCron;
    if (!cron) await this.queue.queue.removeJobScheduler(DORMANCY_SCHEDULER);
    else
      await this.queue.queue.upsertJobScheduler(DORMANCY_SCHEDULER, { pattern: cron }, { name: 'partnerships.dormancy-sweep', data: {} });
  }
}
