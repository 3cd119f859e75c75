import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { BALANCE_SCHEDULER, JobQueue } from '../../jobs';

/**
 * Checks the default lists against their inputs on a schedule (every minute by default), so they
 * follow member changes within a few minutes; each tick is one job, which does nothing when nothing
 * changed. JobQueue.schedule: a BullMQ job scheduler, or the in-process scheduler.
 */
@Injectable()
export class BalanceScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { balancedLists, balanceCron } = this.config.suggestions;
    await this.queue.schedule(BALANCE_SCHEDULER, balancedLists ? balanceCron : null, { name: 'suggestions.balance', payload: {} });
  }
}
