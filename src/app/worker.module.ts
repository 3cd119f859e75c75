import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClockModule } from '../clock';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { DatabaseModule } from '../database/database.module';
import { JobsModule } from '../jobs/jobs.module';
import { loggerOptions } from './logging';
import { SuggestionsJobsModule } from '../suggestions/suggestions.module';
import { PartnershipsJobsModule } from '../partnerships';

/** The worker process: no HTTP, only the job processors of each feature. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggerModule.forRoot({ pinoHttp: loggerOptions(config) }),
        DatabaseModule,
        JobsModule,
        SuggestionsJobsModule,
        PartnershipsJobsModule,
      ],
    };
  }
}
