import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ConfigurationError, loadConfiguration } from '../config';
import { describeStartupError } from '../app/startup-error';
import { runAudited } from './cli-audit';
import { CliModule } from './cli.module';

/** Runs a command against the configured database (embedded under DATA_DIR, or DATABASE_URL). */
/** With `auditedEntity`, the command is a write: it is audited with the OS user and the command line. */
export function runWithRegistry(command: (app: INestApplicationContext) => Promise<number>, auditedEntity?: string): void {
  const config = loadConfigurationOrExit();
  NestFactory.createApplicationContext(CliModule.forRoot({ ...config, logLevel: 'warn' }), {
    logger: ['error', 'warn'],
    abortOnError: false,
  })
    .then(async (app) => {
      const run = () => command(app);
      const exitCode = await (auditedEntity ? runAudited(app, auditedEntity, run) : run()).finally(() => app.close());
      process.exit(exitCode);
    })
    .catch((error: unknown) => {
      console.error(describeStartupError(error));
      process.exit(1);
    });
}

function loadConfigurationOrExit() {
  try {
    return loadConfiguration();
  } catch (error) {
    console.error(error instanceof ConfigurationError ? error.message : String(error));
    process.exit(1);
  }
}

export function requireFileArgument(usage: string): string {
  const file = process.argv[2];
  if (!file || file.startsWith('-')) {
    console.error(usage);
    process.exit(2);
  }
  return file;
}
