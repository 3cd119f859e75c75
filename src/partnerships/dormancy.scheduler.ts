import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { DORMANCY_SCHEDULER, JobQueue } from '../jobs';

/**
 * The daily dormancy sweep (JobQueue.schedule: a BullMQ job scheduler on the services stack, the
 * in-process scheduler on the embedded one): one sweep per cron tick, whichever worker runs it.
 */
@Injectable()
export class DormancyScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Scheduling the name again replaces it; a null pattern (DORMANCY_CRON=off) removes it.
    await this.queue.schedule(DORMANCY_SCHEDULER, this.config.partnerships.dormancyCron, {
      name: 'partnerships.dormancy-sweep',
      payload: {},
    });
  }
}
