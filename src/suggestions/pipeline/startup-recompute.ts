import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { JobQueue, recordJob } from '../../jobs';
import { SuggestionsRepository } from '../storage/suggestions.repository';

/**
 * At start: members but no suggestions yet, or (in-process queue) a generation left half-built by
 * a stopped process, mean a full recompute is due. On BullMQ a building generation is still
 * being worked on by the flow in Redis, so it is left alone. Generations a stopped process left
 * failed or superseded are deleted, and so is (in-process queue) the half-built one: nothing will
 * finish it.
 */
@Injectable()
export class StartupRecompute implements OnApplicationBootstrap {
  private readonly logger = new Logger(StartupRecompute.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly repository: SuggestionsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { reason, retired } = await this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      await repository.lock();
      const building = await repository.buildingGeneration();
      if (building && !this.queue.durable) await repository.failBuildingGenerations('left unfinished by a stopped process');
      const retired = await repository.deleteRetiredGenerations();
      const [{ members, pending }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM members WHERE status = 'active') AS members,
                (SELECT count(*)::int FROM outbox WHERE job_name = 'suggestions.recompute') AS pending`,
      );
      if (members === 0 || pending > 0) return { reason: null, retired };
      const why = building
        ? this.queue.durable
          ? null
          : `generation ${building.id} was left unfinished`
        : (await repository.currentGeneration())
          ? null
          : 'no suggestions stored yet';
      if (why) await recordJob(manager, 'suggestions.recompute', { reason: why });
      return { reason: why, retired };
    });
    if (retired.length > 0) await this.reclaim(retired);
    if (reason) this.logger.log(`full recompute recorded: ${reason}`);
  }

  /**
   * The embedded database is this process's alone and nothing reads it yet, so its files are
   * compacted (a data directory that grew before retired generations were deleted shrinks back);
   * on PostgreSQL other processes may be reading, so the space is only made reusable.
   */
  private async reclaim(retired: number[]): Promise<void> {
    if (this.config.database.kind === 'embedded') {
      await this.repository.compact();
      await this.repository.checkpoint();
    } else {
      await this.repository.vacuum();
    }
    this.logger.log(`deleted ${retired.length} failed or superseded generation(s) and their lists`);
  }
}
