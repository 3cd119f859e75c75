import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from '../clock';
import { ConfigModule, type AppConfig } from '../config';
import { DatabaseModule } from '../database/database.module';
import { DigestsJobsModule } from '../digests';
import { JobsModule } from '../jobs';
import { SuggestionsJobsModule } from '../suggestions/suggestions.module';
import { PartnershipsJobsModule } from '../partnerships';
import { MailModule } from '../mail';

/** The worker process: no HTTP, only the job processors of each feature. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        JobsModule,
        SuggestionsJobsModule,
        PartnershipsJobsModule,
        MailModule,
        // Digests read suggestions: the worker holds the whole suggestions module, its pipeline jobs included.
        DigestsJobsModule,
      ],
    };
  }
}
