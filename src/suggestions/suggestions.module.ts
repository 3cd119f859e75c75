import { Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed';
import { DismissalsService } from './dismissals.service';
import { FullRecomputeService } from './full-recompute.service';
import { IncrementalUpdateService } from './incremental-update.service';
import { MatchingSettingsService } from './matching-settings.service';
import { MatchingThreads } from './matching-threads';
import { NetworkController } from './network.controller';
import { RecomputeStatusService } from './recompute-status.service';
import { StartupRecompute } from './startup-recompute';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsProcessor } from './suggestions.processor';
import { SuggestionsReadModel } from './suggestions-read-model';
import { SuggestionsService } from './suggestions.service';

const SERVICES = [
  DismissalsService,
  FullRecomputeService,
  IncrementalUpdateService,
  MatchingSettingsService,
  MatchingThreads,
  RecomputeStatusService,
  SuggestionsService,
];

/** Stored suggestions, kept fresh by jobs, and the API that reads them. */
@Module({
  controllers: [SuggestionsController, NetworkController],
  providers: [...SERVICES, ChangeFeed, SuggestionsReadModel, SuggestionsProcessor, StartupRecompute],
  exports: SERVICES,
})
export class SuggestionsModule {}

/** The job side only, for the worker process. */
@Module({
  providers: [FullRecomputeService, IncrementalUpdateService, MatchingSettingsService, MatchingThreads, SuggestionsProcessor],
})
export class SuggestionsJobsModule {}
