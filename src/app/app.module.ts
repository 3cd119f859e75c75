import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { ClockModule } from '../clock';
import { ConfigModule, type AppConfig } from '../config';
import { DatabaseModule } from '../database/database.module';
import { DigestsModule } from '../digests';
import { HealthModule } from '../health/health.module';
import { JobsModule } from '../jobs';
import { ErrorBodyFilter } from '../http/error-body.filter';
import { MailModule } from '../mail';
import { MembersModule } from '../members';
import { SuggestionsModule } from '../suggestions/suggestions.module';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users';
import { NotificationsModule } from '../notifications';
import { PartnershipsModule } from '../partnerships';

/** The HTTP API: every feature module, on the stack the configuration chose. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        JobsModule,
        MailModule,
        AuthModule,
        HealthModule,
        ThemesModule,
        MembersModule,
        SuggestionsModule,
        UsersModule,
        NotificationsModule,
        PartnershipsModule,
        DigestsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorBodyFilter }],
    };
  }
}
