import { DynamicModule, Module } from '@nestjs/common';
import { TokensModule } from '../auth/tokens/tokens.module';
import { ClockModule } from '../clock';
import { ConfigModule, type AppConfig } from '../config';
import { DatabaseModule } from '../database/database.module';
import { MembersModule } from '../members';

/** What the command-line tools need: the configured database, the member registry and tokens, no HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), ClockModule, DatabaseModule, MembersModule, TokensModule],
    };
  }
}
