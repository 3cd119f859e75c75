import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './configuration';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the configuration read at boot injectable everywhere as APP_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
