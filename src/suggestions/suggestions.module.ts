import { Module } from '@nestjs/common';
import { MembersModule } from '../members';
import { DismissalsService } from './api/dismissals.service';
import { MatchingSettingsService } from './api/matching-settings.service';
import { NetworkController } from './api/network.controller';
import { NetworkPairsService } from './api/network-pairs.service';
import { PairExplanationService } from './api/pair-explanation.service';
import { SuggestionsController } from './api/suggestions.controller';
import { SuggestionsReadModel } from './api/suggestions-read-model';
import { SuggestionsService } from './api/suggestions.service';
import { FullRecomputeService } from './pipeline/full-recompute.service';
import { IncrementalUpdateService } from './pipeline/incremental-update.service';
import { MatchingThreads } from './pipeline/matching-threads';
import { RecomputeStatusService } from './pipeline/recompute-status.service';
import { StartupRecompute } from './pipeline/startup-recompute';
import { SuggestionsProcessor } from './pipeline/suggestions.processor';
import { ChangeFeed } from './storage/change-feed';
import { SuggestionsRepository } from './storage/suggestions.repository';
import { BalanceScheduler } from './balance/balance.scheduler';
import { BalancedListsReadModel } from './balance/balanced-lists-read-model';
import { BalancedListsRepository } from './balance/balanced-lists.repository';
import { BalancedListsService } from './balance/balanced-lists.service';
import { CountryExclusionsController } from './exclusions/country-exclusions.controller';
import { CountryExclusionsRepository } from './exclusions/country-exclusions.repository';
import { CountryExclusionsService } from './exclusions/country-exclusions.service';

/** The pipeline: full recomputes and incremental updates, run by jobs. */
const PIPELINE = [
  FullRecomputeService,
  IncrementalUpdateService,
  MatchingThreads,
  SuggestionsProcessor,
  SuggestionsRepository,
  BalancedListsService,
  BalancedListsRepository,
  BalanceScheduler,
  CountryExclusionsRepository,
];

/**
 * The job side only. The API's module imports it rather than repeating its providers, so a process
 * that holds both (a worker that also assembles digests) still registers each job handler once.
 */
@Module({
  imports: [MembersModule],
  providers: [...PIPELINE, MatchingSettingsService],
  exports: [...PIPELINE, MatchingSettingsService],
})
export class SuggestionsJobsModule {}

/** What other modules may use. */
const SERVICES = [CountryExclusionsService, DismissalsService, NetworkPairsService, RecomputeStatusService, SuggestionsService];

/** Stored suggestions, kept fresh by jobs, and the API that reads them. */
@Module({
  imports: [MembersModule, SuggestionsJobsModule],
  controllers: [SuggestionsController, NetworkController, CountryExclusionsController],
  providers: [...SERVICES, ChangeFeed, SuggestionsReadModel, BalancedListsReadModel, StartupRecompute, PairExplanationService],
  exports: [...SERVICES, SuggestionsJobsModule],
})
export class SuggestionsModule {}
