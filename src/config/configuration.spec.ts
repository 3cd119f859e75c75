import { ConfigurationError, loadConfiguration, validateEnvironment } from './configuration';

/** The error a bad environment raises, so tests can look at its message. */
function configurationErrorOf(env: Record<string, string>): ConfigurationError {
  try {
    loadConfiguration(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error(`loadConfiguration accepted ${JSON.stringify(env)}`);
}

describe('loadConfiguration', () => {
  it('defaults to the embedded stack on port 3000 with demo data and in-process jobs', () => {
    expect(loadConfiguration({})).toMatchObject({
      http: { host: '0.0.0.0', port: 3000, bodyLimitBytes: 64 * 1024 * 1024 },
      database: { kind: 'embedded', dataDir: './data' },
      queue: { kind: 'in-process' },
      workers: { inline: true, concurrency: 2, digestConcurrency: 32 },
      logLevel: 'info',
      seedDemoData: true,
    });
  });

  it('treats empty variables as absent', () => {
    expect(loadConfiguration({ PORT: '', DATABASE_URL: '', REDIS_URL: '' })).toMatchObject({
      http: { port: 3000 },
      database: { kind: 'embedded' },
      queue: { kind: 'in-process' },
    });
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfiguration({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' })).not.toThrow();
  });

  it('keeps the embedded database in memory for DATA_DIR=memory', () => {
    expect(loadConfiguration({ DATA_DIR: 'memory' }).database).toEqual({ kind: 'embedded', dataDir: null });
  });

  it('uses PostgreSQL and BullMQ when DATABASE_URL and REDIS_URL are set, without demo data', () => {
    const config = loadConfiguration({
      DATABASE_URL: 'postgres://app@db:5432/citymatch',
      REDIS_URL: 'redis://cache:6379',
      QUEUE_PREFIX: 'cm-staging',
      WORKERS: 'off',
      WORKER_CONCURRENCY: '8',
    });
    expect(config).toMatchObject({
      database: { kind: 'postgres', url: 'postgres://app@db:5432/citymatch' },
      queue: { kind: 'bullmq', redisUrl: 'redis://cache:6379', prefix: 'cm-staging' },
      workers: { inline: false, concurrency: 8, digestConcurrency: 32 },
      seedDemoData: false,
    });
  });

  it('reads CORS origins as a list, * as any origin, and nothing as none', () => {
    expect(loadConfiguration({}).http.corsOrigins).toEqual([]);
    expect(loadConfiguration({ CORS_ORIGINS: '*' }).http.corsOrigins).toBe('*');
    expect(loadConfiguration({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).http.corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
    expect(configurationErrorOf({ CORS_ORIGINS: 'a.example' }).message).toContain('CORS_ORIGINS');
  });

  it('limits requests per token and per anonymous address, with 0 meaning unlimited', () => {
    expect(loadConfiguration({}).rateLimit).toEqual({ perToken: 1200, anonymous: 60 });
    expect(loadConfiguration({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5' }).rateLimit).toEqual({
      perToken: 0,
      anonymous: 5,
    });
    expect(configurationErrorOf({ RATE_LIMIT_PER_MINUTE: 'many' }).message).toContain('RATE_LIMIT_PER_MINUTE');
  });

  it('trusts no proxy for the client address unless told how many hops', () => {
    expect(loadConfiguration({}).http.trustProxyHops).toBe(0);
    expect(loadConfiguration({ TRUST_PROXY_HOPS: '1' }).http.trustProxyHops).toBe(1);
    expect(configurationErrorOf({ TRUST_PROXY_HOPS: 'yes' }).message).toContain('TRUST_PROXY_HOPS');
  });

  it('prints a first admin token on the embedded stack only', () => {
    expect(loadConfiguration({}).firstAdminToken).toBe(true);
    expect(loadConfiguration({ FIRST_ADMIN_TOKEN: 'off' }).firstAdminToken).toBe(false);
    expect(loadConfiguration({ DATABASE_URL: 'postgres://app@db/citymatch' }).firstAdminToken).toBe(false);
  });

  it('runs jobs inline on the embedded stack even with WORKERS=off, since there is no queue to share', () => {
    expect(loadConfiguration({ WORKERS: 'off' }).workers.inline).toBe(true);
  });

  it('reads numbers from their text and BODY_LIMIT_MB in megabytes', () => {
    expect(loadConfiguration({ PORT: ' 8080 ', BODY_LIMIT_MB: '1' }).http).toMatchObject({ port: 8080, bodyLimitBytes: 1024 * 1024 });
  });

  it('accepts postgresql:// and rediss:// URLs', () => {
    const config = loadConfiguration({ DATABASE_URL: 'postgresql://db/citymatch', REDIS_URL: 'rediss://cache:6380' });
    expect(config.database).toMatchObject({ kind: 'postgres' });
    expect(config.queue).toMatchObject({ kind: 'bullmq', redisUrl: 'rediss://cache:6380' });
  });
});

describe('a bad environment throws one line naming the variable', () => {
  test.each<[string, Record<string, string>, string]>([
    ['PORT that is not a number', { PORT: 'abc' }, 'PORT'],
    ['PORT above 65535', { PORT: '70000' }, 'PORT'],
    ['PORT that is negative', { PORT: '-1' }, 'PORT'],
    ['a MySQL DATABASE_URL', { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    ['a DATABASE_URL with a space', { DATABASE_URL: 'postgres://db /x' }, 'DATABASE_URL'],
    ['an http:// REDIS_URL', { DATABASE_URL: 'postgres://db/x', REDIS_URL: 'http://x' }, 'REDIS_URL'],
    ['WORKERS "sometimes"', { WORKERS: 'sometimes' }, 'WORKERS'],
    ['BODY_LIMIT_MB 0', { BODY_LIMIT_MB: '0' }, 'BODY_LIMIT_MB'],
    ['BODY_LIMIT_MB 1.5', { BODY_LIMIT_MB: '1.5' }, 'BODY_LIMIT_MB'],
    ['WORKER_CONCURRENCY 0', { WORKER_CONCURRENCY: '0' }, 'WORKER_CONCURRENCY'],
    ['QUEUE_PREFIX with a space', { QUEUE_PREFIX: 'city match' }, 'QUEUE_PREFIX'],
    ['LOG_LEVEL "loud"', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['SEED_DEMO_DATA "yes"', { SEED_DEMO_DATA: 'yes' }, 'SEED_DEMO_DATA'],
    ['REDIS_URL without DATABASE_URL', { REDIS_URL: 'redis://127.0.0.1:6379' }, 'REDIS_URL'],
  ])('%s', (_case, env, variable) => {
    const error = configurationErrorOf(env);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^Invalid configuration: /);
  });

  it('REDIS_URL without DATABASE_URL names both variables', () => {
    expect(configurationErrorOf({ REDIS_URL: 'redis://127.0.0.1:6379' }).message).toContain('DATABASE_URL');
  });

  it('names every bad variable in the same line', () => {
    const { message } = configurationErrorOf({ PORT: 'abc', WORKERS: 'sometimes', BODY_LIMIT_MB: '0' });
    expect(message).not.toContain('\n');
    for (const variable of ['PORT', 'WORKERS', 'BODY_LIMIT_MB']) expect(message).toContain(variable);
  });

  it('does not echo the value of a bad DATABASE_URL, which may hold a password', () => {
    const { message } = configurationErrorOf({ DATABASE_URL: 'mysql://admin:s3cret@db/x' });
    expect(message).not.toContain('s3cret');
  });
});

describe('validateEnvironment', () => {
  it('returns the variables with their defaults and converted numbers', () => {
    expect(validateEnvironment({ PORT: '4000' })).toMatchObject({ PORT: 4000, HOST: '0.0.0.0', BODY_LIMIT_MB: 64, WORKERS: 'inline' });
  });

  it('throws a ConfigurationError for a bad value', () => {
    expect(() => validateEnvironment({ PORT: 'abc' })).toThrow(ConfigurationError);
  });
});
