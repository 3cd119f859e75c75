import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { EnvironmentVariables, WorkersMode } from './environment';

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** startFrom: a PGlite dump an in-memory embedded database starts from instead of an empty one. */
export type DatabaseConfig = { kind: 'embedded'; dataDir: string | null; startFrom?: string } | { kind: 'postgres'; url: string };

export type QueueConfig = { kind: 'in-process' } | { kind: 'bullmq'; redisUrl: string; prefix: string; scheduleCheckMs: number };

/** The validated configuration, read once at boot and passed down; nothing else reads process.env. */
export interface AppConfig {
  http: { host: string; port: number; bodyLimitBytes: number; corsOrigins: string[] | '*'; trustProxyHops: number };
  /** Requests per minute; 0 means unlimited. */
  rateLimit: { perToken: number; anonymous: number };
  firstAdminToken: boolean;
  database: DatabaseConfig;
  queue: QueueConfig;
  workers: { inline: boolean; concurrency: number; digestConcurrency: number };
  logLevel: string;
  seedDemoData: boolean;
  suggestions: { k: number; shardSize: number; nightlyCron: string | null; balancedLists: boolean; balanceCron: string | null };
  /** Without smtpUrl, messages are written as .eml files under `directory` (kept in memory when null). */
  mail: { smtpUrl: string | null; from: string; maxPerSecond: number; directory: string | null; retryBaseMs: number };
  /** The base of every link CityMatch sends, without a trailing slash. */
  publicUrl: string;
  signIn: { linksPerAddressPerHour: number; linksPerClientPerHour: number; sessionHours: number };
  /** Whether this process schedules the weekly digests (where it runs jobs). */
  digests: { schedule: boolean };
  partnerships: { dormantAfterDays: number; dormancyCron: string | null };
  webAppDir: string;
}

export function validateEnvironment(env: Record<string, unknown>): EnvironmentVariables {
  // From the validation rules, not from an instance: how class fields compile must not matter.
  const known = [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
        .map((rule) => rule.propertyName),
    ),
  ];
  const relevant = Object.fromEntries(known.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const variables = plainToInstance(EnvironmentVariables, relevant);
  const errors = validateSync(variables, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      // A wrong type says more than a range it then also misses.
      const constraints = error.constraints ?? {};
      const typeCheck = ['isInt', 'isEnum', 'matches', 'isIn'].find((key) => key in constraints);
      const messages = typeCheck ? [constraints[typeCheck]] : Object.values(constraints);
      return messages.some((message) => message.startsWith(error.property)) ? messages[0] : `${error.property}: ${messages.join('; ')}`;
    });
    throw new ConfigurationError(`Invalid configuration: ${lines.join('; ')}`);
  }
  if (variables.REDIS_URL && !variables.DATABASE_URL) {
    throw new ConfigurationError(
      'Invalid configuration: REDIS_URL needs DATABASE_URL (workers in other processes cannot share the embedded database)',
    );
  }
  return variables;
}

export function loadConfiguration(env: Record<string, unknown> = process.env): AppConfig {
  const variables = validateEnvironment(env);
  const database: DatabaseConfig = variables.DATABASE_URL
    ? { kind: 'postgres', url: variables.DATABASE_URL }
    : { kind: 'embedded', dataDir: variables.DATA_DIR === 'memory' ? null : variables.DATA_DIR };
  const queue: QueueConfig = variables.REDIS_URL
    ? {
        kind: 'bullmq',
        redisUrl: variables.REDIS_URL,
        prefix: variables.QUEUE_PREFIX,
        scheduleCheckMs: variables.SCHEDULE_CHECK_SECONDS * 1000,
      }
    : { kind: 'in-process' };
  return {
    http: {
      host: variables.HOST,
      port: variables.PORT,
      bodyLimitBytes: variables.BODY_LIMIT_MB * 1024 * 1024,
      corsOrigins: parseCorsOrigins(variables.CORS_ORIGINS),
      trustProxyHops: variables.TRUST_PROXY_HOPS,
    },
    rateLimit: { perToken: variables.RATE_LIMIT_PER_MINUTE, anonymous: variables.RATE_LIMIT_ANONYMOUS_PER_MINUTE },
    firstAdminToken: variables.FIRST_ADMIN_TOKEN === 'auto' && database.kind === 'embedded',
    database,
    queue,
    workers: {
      inline: queue.kind === 'in-process' || variables.WORKERS === WorkersMode.Inline,
      concurrency: variables.WORKER_CONCURRENCY,
      digestConcurrency: variables.DIGEST_CONCURRENCY,
    },
    logLevel: variables.LOG_LEVEL,
    suggestions: {
      k: variables.SUGGESTIONS_K,
      shardSize: variables.RECOMPUTE_SHARD_SIZE,
      nightlyCron: variables.RECOMPUTE_CRON === 'off' ? null : variables.RECOMPUTE_CRON,
      balancedLists: variables.BALANCED_LISTS === 'on',
      balanceCron: variables.BALANCE_CRON === 'off' ? null : variables.BALANCE_CRON,
    },
    partnerships: {
      dormantAfterDays: variables.DORMANT_AFTER_DAYS,
      dormancyCron: variables.DORMANCY_CRON === 'off' ? null : variables.DORMANCY_CRON,
    },
    seedDemoData: variables.SEED_DEMO_DATA === 'auto' && database.kind === 'embedded',
    mail: {
      smtpUrl: variables.SMTP_URL ?? null,
      from: variables.MAIL_FROM,
      maxPerSecond: variables.MAIL_MAX_PER_SECOND,
      directory: variables.DATA_DIR === 'memory' ? null : join(variables.DATA_DIR, 'mail'),
      retryBaseMs: variables.MAIL_RETRY_BASE_MS,
    },
    publicUrl: (variables.PUBLIC_URL ?? `http://localhost:${variables.PORT}`).replace(/\/+$/, ''),
    signIn: {
      linksPerAddressPerHour: variables.SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR,
      linksPerClientPerHour: variables.SIGN_IN_LINKS_PER_CLIENT_PER_HOUR,
      sessionHours: variables.SESSION_HOURS,
    },
    digests: { schedule: variables.DIGESTS === 'on' },
    webAppDir: variables.WEB_APP_DIR,
  };
}

function parseCorsOrigins(value: string): string[] | '*' {
  if (value.trim() === '*') return '*';
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
}
