import { Module } from '@nestjs/common';
import { MembersModule } from '../members';
import { NotificationsJobsModule, NotificationsModule } from '../notifications';
import { SuggestionsJobsModule, SuggestionsModule } from '../suggestions/suggestions.module';
import { BoardCache } from './board.cache';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { DormancyRepository } from './dormancy.repository';
import { DormancyScheduler } from './dormancy.scheduler';
import { DormancyService } from './dormancy.service';
import { InterestsController } from './interests.controller';
import { InterestsRepository } from './interests.repository';
import { InterestsService } from './interests.service';
import { MemberPartnershipsController } from './member-partnerships.controller';
import { MonitoringService } from './monitoring.service';
import { NetworkMatchesController } from './network-matches.controller';
import { NetworkMatchesService } from './network-matches.service';
import { PartnersImportService } from './partners-import.service';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsProcessor } from './partnerships.processor';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';
import { DemoPartnershipsRepository } from './seed/demo-partnerships.repository';
import { DemoPartnershipsService } from './seed/demo-partnerships.service';

/** What both the API and the worker need to write partnerships and run their jobs. */
const WRITERS = [
  DormancyRepository,
  DormancyScheduler,
  DormancyService,
  PartnersImportService,
  PartnershipsProcessor,
  PartnershipsRepository,
  PartnershipsService,
];

/** Brokering: interests, partnerships and their stages, monitoring, dormancy and the secretariat's board. */
@Module({
  imports: [MembersModule, NotificationsModule, SuggestionsModule],
  controllers: [InterestsController, MemberPartnershipsController, NetworkMatchesController, PartnershipsController],
  providers: [
    ...WRITERS,
    BoardCache,
    BoardRepository,
    BoardService,
    DemoPartnershipsRepository,
    DemoPartnershipsService,
    InterestsRepository,
    InterestsService,
    MonitoringService,
    NetworkMatchesService,
  ],
  exports: [BoardService, DemoPartnershipsService, PartnershipsService, DormancyService],
})
export class PartnershipsModule {}

/** The job side only, for the worker process. */
@Module({
  imports: [MembersModule, NotificationsJobsModule, SuggestionsJobsModule],
  providers: [...WRITERS, BoardCache, BoardRepository, BoardService],
  exports: [BoardService, PartnershipsService],
})
export class PartnershipsJobsModule {}
