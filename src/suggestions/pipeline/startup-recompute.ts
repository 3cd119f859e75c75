import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue, recordJob } from '../../jobs';
import { SuggestionsRepository } from '../storage/suggestions.repository';

/**
 * At start: members but no suggestions yet, or (in-process queue) a generation left half-built by
 * a stopped process, mean a full recompute is due. On BullMQ a building generation is still
 * being worked on by the flow in Redis, so it is left alone.
 */
@Injectable()
export class StartupRecompute implements OnApplicationBootstrap {
  private readonly logger = new Logger(StartupRecompute.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly repository: SuggestionsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const reason = await this.dataSource.transaction(async (manager) => {
      const [{ members, pending }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM members WHERE status = 'active') AS members,
                (SELECT count(*)::int FROM outbox WHERE job_name = 'suggestions.recompute') AS pending`,
      );
      if (members === 0 || pending > 0) return null;
      const repository = this.repository.within(manager);
      const building = await repository.buildingGeneration();
      const why = building
        ? this.queue.durable
          ? null
          : `generation ${building.id} was left unfinished`
        : (await repository.currentGeneration())
          ? null
          : 'no suggestions stored yet';
      if (why) await recordJob(manager, 'suggestions.recompute', { reason: why });
      return why;
    });
    if (reason) this.logger.log(`full recompute recorded: ${reason}`);
  }
}
