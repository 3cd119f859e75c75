import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { JobHandlers } from '../jobs/job-handlers';
import { FullRecomputeService } from './full-recompute.service';
import { IncrementalUpdateService } from './incremental-update.service';

/** The suggestion jobs: each unpacks its payload and calls one service method. */
@Injectable()
export class SuggestionsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SuggestionsProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly incremental: IncrementalUpdateService,
    private readonly fullRecompute: FullRecomputeService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('member.changed', ({ memberId }) => this.incremental.applyMemberChange(memberId));
    this.handlers.register('suggestions.recompute', ({ reason }) => this.fullRecompute.start(reason));
    this.handlers.register('suggestions.shard', ({ generationId, start, end }) => this.fullRecompute.computeShard(generationId, start, end));
    this.handlers.register('suggestions.finish', async ({ generationId }) => {
      await this.fullRecompute.finish(generationId);
      this.warmUp();
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.workers.inline) this.warmUp();
  }

  /** The next member change finds the members and the current lists in memory (not awaited). */
  private warmUp(): void {
    this.incremental.warmUp().catch((error: Error) => this.logger.warn(`warming up for member changes failed: ${error.message}`));
  }
}
