import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { deleteRedisKeys } from '../../support/private-services';

const JOB_QUEUE = 'citymatch';

/** A private PostgreSQL database and Redis key prefix for one part of the benchmark. */
export interface BenchStack {
  name: string;
  databaseUrl: string;
  redisUrl: string;
  /** Connections of the benchmark itself: polling generations, counting rows, breakdowns. */
  db: Pool;
  /** The app's queue, read for job timings (processedOn, finishedOn). */
  queue: Queue;
  redis: Redis;
  /** Drops the database and every Redis key under the prefix. */
  dispose(): Promise<void>;
}

export async function createBenchStack(serverUrl: string, redisUrl: string): Promise<BenchStack> {
  const name = `citymatch_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = new Pool({ connectionString: url.toString(), max: 4 });
  // An idle connection ended by the server (the database dropped at the end, or an administrator)
  // is replaced by the pool on next use; without listeners it would crash the benchmark.
  for (const pool of [admin, db]) pool.on('error', () => undefined);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(JOB_QUEUE, { connection: redis, prefix: name });
  let disposed = false;
  return {
    name,
    databaseUrl: url.toString(),
    redisUrl,
    db,
    queue,
    redis,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue.close().catch(() => undefined);
      await deleteRedisKeys(redis, [`${name}:*`]);
      redis.disconnect();
      await db.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
