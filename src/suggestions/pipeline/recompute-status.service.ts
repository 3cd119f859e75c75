import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { NIGHTLY_RECOMPUTE_SCHEDULER, recordJob, JobQueue } from '../../jobs';
import { BalancedListsRepository } from '../balance/balanced-lists.repository';
import { SuggestionsRepository } from '../storage/suggestions.repository';

/** What the pipeline is doing and how far the suggestions lag behind the members. */
@Injectable()
export class RecomputeStatusService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly repository: SuggestionsRepository,
    private readonly balanced: BalancedListsRepository,
  ) {}

  /** Records a full recompute; the relay enqueues it. */
  async requestRecompute(reason: string): Promise<void> {
    await this.dataSource.transaction((manager) => recordJob(manager, 'suggestions.recompute', { reason }));
  }

  async status() {
    const [current, building, lag, nextRun, queue, balancedRun] = await Promise.all([
      this.repository.currentGeneration(),
      this.repository.buildingGeneration(),
      this.repository.lag(),
      this.queue.nextRun(NIGHTLY_RECOMPUTE_SCHEDULER),
      this.queue.status(),
      this.balanced.lastRun(),
    ]);
    const settledAt = [lag.lastChangeApplied, current?.startedAt].filter(Boolean).map((value) => new Date(value!).getTime());
    const newest = lag.newestMemberChange ? new Date(lag.newestMemberChange).getTime() : null;
    const behindMs = newest === null || settledAt.length === 0 ? null : Math.max(0, newest - Math.max(...settledAt));
    return {
      queue,
      // From the scheduler itself (Redis or the in-process cron): null tells that no run is scheduled.
      nightly: { cron: this.config.suggestions.nightlyCron, nextRun: nextRun?.toISOString() ?? null },
      outbox: { pending: lag.recordedJobs, oldest: lag.oldestRecordedJob },
      building: building ? { ...building, progress: building.shardsTotal === 0 ? 1 : building.shardsDone / building.shardsTotal } : null,
      current: current ?? null,
      lag: {
        newestMemberChange: lag.newestMemberChange,
        lastChangeApplied: lag.lastChangeApplied,
        behindSeconds: behindMs === null ? null : behindMs / 1000,
      },
      balanced: balancedRun
        ? {
            computedAt: new Date(balancedRun.computedAt).toISOString(),
            tookMs: balancedRun.tookMs,
            lists: balancedRun.lists,
            generationId: balancedRun.generationId,
            // Member changes after the run started are not in the default lists yet.
            behindSeconds: newest === null ? 0 : Math.max(0, newest - new Date(balancedRun.startedAt).getTime()) / 1000,
          }
        : null,
    };
  }
}
