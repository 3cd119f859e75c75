import { Module } from '@nestjs/common';
import { MembersModule } from '../members';
import { NotificationsJobsModule, NotificationsModule } from '../notifications';
import { PartnershipsJobsModule, PartnershipsModule } from '../partnerships';
import { SuggestionsModule } from '../suggestions';
import { UsersModule } from '../users';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryBatches } from './delivery-batches';
import { DigestAssembly } from './digest-assembly';
import { DigestDeliveryService } from './digest-delivery.service';
import { DigestScheduler } from './digest-scheduler';
import { DigestsController } from './digests.controller';
import { DigestsProcessor } from './digests.processor';
import { DigestsService } from './digests.service';
import { MailPacer } from './mail-pacer';
import { DigestRenderer } from './render/digest-renderer';
import { DeliveryFiguresSection } from './sections/delivery-figures.section';
import { DIGEST_SECTIONS } from './sections/digest-section';
import { MutualInterestsSection } from './sections/mutual-interests.section';
import { NetworkMatchesSection } from './sections/network-matches.section';
import { NewMutualInterestsSection } from './sections/new-mutual-interests.section';
import { PartnershipEventsSection } from './sections/partnership-events.section';
import { StalledAndDormantSection } from './sections/stalled-and-dormant.section';
import { SuggestionsSection } from './sections/suggestions.section';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** Every section a digest may hold, in the order it shows them; a new one is one class added here. */
const SECTIONS = [
  // An official's
  SuggestionsSection,
  MutualInterestsSection,
  PartnershipEventsSection,
  // The secretariat's
  NewMutualInterestsSection,
  StalledAndDormantSection,
  NetworkMatchesSection,
  DeliveryFiguresSection,
];

const PROVIDERS = [
  ...SECTIONS,
  { provide: DIGEST_SECTIONS, inject: SECTIONS, useFactory: (...sections: unknown[]) => sections },
  DeliveriesRepository,
  DeliveryBatches,
  DigestAssembly,
  DigestDeliveryService,
  DigestRenderer,
  DigestScheduler,
  DigestsProcessor,
  MailPacer,
  UnsubscribeTokens,
];

/** Weekly digests: scheduling, assembly from sections, rendering, delivery log, unsubscribe. */
@Module({
  imports: [MembersModule, NotificationsModule, PartnershipsModule, SuggestionsModule, UsersModule],
  controllers: [DigestsController],
  providers: [...PROVIDERS, DigestsService],
  exports: [DigestsService],
})
export class DigestsModule {}

/** The job side only, for the worker process. */
@Module({
  imports: [MembersModule, NotificationsJobsModule, PartnershipsJobsModule, SuggestionsModule, UsersModule],
  providers: PROVIDERS,
})
export class DigestsJobsModule {}
