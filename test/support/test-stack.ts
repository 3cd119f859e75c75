import { type AppConfig, loadConfiguration } from '../../src/config/configuration';
import { createPrivateDatabase } from './private-services';

/** Which stack this test run exercises: set by test/support/run-stacks.js. */
export const TEST_STACK = process.env.CITYMATCH_TEST_STACK === 'services' ? 'services' : 'embedded';

export interface TestStack {
  config: AppConfig;
  /** Drops what the stack created for this test (its database, its queue keys). */
  dispose(): Promise<void>;
}

/**
 * A fresh, private stack for one test file: an in-memory PGlite, or a new PostgreSQL database and
 * a Redis key prefix of its own, so test files running side by side never see each other's data.
 * The embedded database is one per process (typeorm-pglite keeps a single instance): run one app
 * at a time in a test file, closing it before starting the next.
 */
export async function createTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const base = {
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'off',
    FIRST_ADMIN_TOKEN: 'off',
    // The default lists are balanced only where a test asks for it (balanced-lists.e2e-spec.ts).
    BALANCED_LISTS: 'off',
    // Tests call the API far faster than people do; the rate-limit test sets its own limits.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  };
  if (TEST_STACK === 'embedded') {
    const config = loadConfiguration({ ...base, DATA_DIR: 'memory' });
    // A migrated copy made once per test run by the jest global set-up (embedded-template.global-setup.js).
    const startFrom = process.env.CITYMATCH_TEST_PGLITE_TEMPLATE;
    if (startFrom) config.database = { kind: 'embedded', dataDir: null, startFrom };
    return { config, dispose: async () => undefined };
  }
  const redisUrl = requiredEnv('TEST_REDIS_URL');
  const database = await createPrivateDatabase(requiredEnv('TEST_DATABASE_URL'), 'citymatch_test');
  const config = loadConfiguration({ ...base, DATABASE_URL: database.url, REDIS_URL: redisUrl, QUEUE_PREFIX: database.name });
  return { config, dispose: () => database.drop() };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to run the tests on the services stack`);
  return value;
}
