import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type AppConfig, loadConfiguration } from '../../src/config/configuration';

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
    return { config: loadConfiguration({ ...base, DATA_DIR: 'memory' }), dispose: async () => undefined };
  }
  const serverUrl = requiredEnv('TEST_DATABASE_URL');
  const redisUrl = requiredEnv('TEST_REDIS_URL');
  const name = `citymatch_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = loadConfiguration({ ...base, DATABASE_URL: url.toString(), REDIS_URL: redisUrl, QUEUE_PREFIX: name });
  return {
    config,
    dispose: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to run the tests on the services stack`);
  return value;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
