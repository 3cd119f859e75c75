import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { Client } from 'pg';

/**
 * A private PostgreSQL database on a shared server, so test runs side by side never see each
 * other's data; its name doubles as the run's Redis key prefix. Used by the tests, the browser
 * tests' services journey and the benchmarks.
 */
export interface PrivateDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createPrivateDatabase(serverUrl: string, namePrefix: string): Promise<PrivateDatabase> {
  const name = `${namePrefix}_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Removes every key matching the patterns from a shared Redis, a thousand at a time. */
export async function deleteRedisKeys(redis: Redis, patterns: string[]): Promise<void> {
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
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
