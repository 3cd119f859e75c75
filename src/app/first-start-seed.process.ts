import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../cli/cli.module';
import { loadConfiguration } from '../config';
import { DemoSeedService } from '../members';
import { DemoUsersService } from '../users';
import { createLogger, PinoNestLogger } from './logging';
import { describeStartupError } from './startup-error';

/**
 * The child process of seedNewDatabaseApart (first-start-seed.ts): opens the embedded database
 * (which creates it), adds the demo members and people, and exits, taking the memory that cost
 * with it. Nest's own start-up lines are left to the API's process, which prints them next.
 */
async function seedNewDatabase(): Promise<void> {
  const config = loadConfiguration();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
  app.useLogger(new PinoNestLogger(createLogger(config)));
  try {
    await app.get(DemoSeedService).seedIfEmpty();
    await app.get(DemoUsersService).seedIfEmpty();
  } finally {
    await app.close();
  }
}

seedNewDatabase().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(describeStartupError(error));
    process.exit(1);
  },
);
