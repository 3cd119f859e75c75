import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
const REDIS_URL = /^rediss?:\/\/[^\s]+$/;

export enum WorkersMode {
  Inline = 'inline',
  Off = 'off',
}

/**
 * Every environment variable CityMatch reads, with its rule and default. The list of known
 * variables comes from the validation rules, so every field needs at least one decorator.
 */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  /** PostgreSQL connection string; absent means the embedded PGlite database under DATA_DIR. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string = undefined;

  /** Redis connection string for BullMQ; absent means jobs run in-process. */
  @IsOptional()
  @Matches(REDIS_URL, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  /** Where the embedded database lives; `memory` keeps it in memory (tests). */
  @IsOptional()
  @IsString()
  DATA_DIR: string = './data';

  /** Whether the API process also runs job processors (services stack only). */
  @IsOptional()
  @IsEnum(WorkersMode, { message: 'WORKERS must be one of: inline, off' })
  WORKERS: WorkersMode = WorkersMode.Inline;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY: number = 2;

  /** Digest jobs a process runs at once, on their own queue: jobs running together share their SQL statements in batches. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  DIGEST_CONCURRENCY: number = 32;

  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, ":", "_" and "-" only' })
  QUEUE_PREFIX: string = 'citymatch';

  /** How often each process checks that Redis still holds its job schedulers (a Redis that lost its data has none). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  SCHEDULE_CHECK_SECONDS: number = 60;

  /** Largest accepted request body, in megabytes (bulk import of 50,000 members needs about 20). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024)
  BODY_LIMIT_MB: number = 64;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** How many suggestions are stored per member. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  SUGGESTIONS_K: number = 50;

  /** Source members per shard job of a full recompute: smaller shards spread better over workers. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  RECOMPUTE_SHARD_SIZE: number = 1500;

  /** The nightly safety-net recompute (cron, services stack); `off` disables it. */
  @IsOptional()
  @Matches(/^(off|(\S+\s+){4,5}\S+)$/, { message: 'RECOMPUTE_CRON must be a cron pattern such as "0 3 * * *" or off' })
  RECOMPUTE_CRON: string = '0 3 * * *';

  /** Default suggestion lists balanced across countries and members (`off`: the pure score ranking everywhere). */
  @IsOptional()
  @IsIn(['on', 'off'])
  BALANCED_LISTS: string = 'on';

  /** When the default lists are checked against the members and balanced again if they changed; `off` disables it. */
  @IsOptional()
  @Matches(/^(off|(\S+\s+){4,5}\S+)$/, { message: 'BALANCE_CRON must be a cron pattern such as "* * * * *" or off' })
  BALANCE_CRON: string = '* * * * *';

  /** Browser origins allowed to call the API (comma-separated, or `*`); empty allows none. */
  @IsOptional()
  @Matches(/^(|\*|https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*)$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of http(s):// origins',
  })
  CORS_ORIGINS: string = '';

  /**
   * Behind a reverse proxy or load balancer: how many proxy hops to trust for the client address
   * (X-Forwarded-For), which rate limits and the audit log use. 0 trusts none.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS: number = 0;

  /** Requests per minute per API token; 0 turns rate limiting off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /** Requests per minute per client address without a valid token; 0 turns it off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: number = 60;

  /** `auto` creates and prints one admin token on the embedded stack's first start (no token yet). */
  @IsOptional()
  @IsIn(['auto', 'off'])
  FIRST_ADMIN_TOKEN: 'auto' | 'off' = 'auto';

  /** An implementing partnership with no activity logged for this many days goes dormant. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  DORMANT_AFTER_DAYS: number = 365;

  /** When the daily dormancy check runs (cron); `off` disables it. */
  @IsOptional()
  @Matches(/^(off|(\S+\s+){4,5}\S+)$/, { message: 'DORMANCY_CRON must be a cron pattern such as "30 2 * * *" or off' })
  DORMANCY_CRON: string = '30 2 * * *';

  /** `auto` loads the GeoNames demo members into an empty embedded database at start. */
  @IsOptional()
  @IsIn(['auto', 'off'])
  SEED_DEMO_DATA: 'auto' | 'off' = 'auto';

  /** The SMTP server mail goes through (smtp:// or smtps://, credentials in the URL); absent writes .eml files under DATA_DIR/mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  /** The sender of every message CityMatch sends. */
  @IsOptional()
  @Matches(/^([^<>\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address, optionally with a name: CityMatch <digest@example.org>',
  })
  MAIL_FROM: string = 'CityMatch <no-reply@citymatch.example.org>';

  /** Messages per second at most, over every worker (a limit of the mail provider). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  MAIL_MAX_PER_SECOND: number = 50;

  /** Where people reach CityMatch in a browser: the base of every link in a message. Defaults to http://localhost:PORT. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'PUBLIC_URL must be an http(s):// URL without query or fragment' })
  PUBLIC_URL?: string = undefined;

  /** Sign-in links one address may ask for per hour. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: number = 5;

  /** Sign-in links one client (network address) may ask for per hour, whatever the e-mail address. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SIGN_IN_LINKS_PER_CLIENT_PER_HOUR: number = 30;

  /** How long a web session lasts after signing in. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SESSION_HOURS: number = 12;

  /** The first wait before an SMTP attempt that failed for now (4xx, lost connection) is repeated; it doubles each time. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600_000)
  MAIL_RETRY_BASE_MS: number = 2000;

  /** `off` stops scheduling weekly digests (they can still be run by hand through the API). */
  @IsOptional()
  @IsIn(['on', 'off'])
  DIGESTS: 'on' | 'off' = 'on';

  /** The web app's build (`npm run build`), served at `/`. */
  @IsOptional()
  @IsString()
  WEB_APP_DIR: string = './web/dist';
}
