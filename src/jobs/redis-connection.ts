import Redis from 'ioredis';

const STARTUP_TIMEOUT_MS = 5000;

/**
 * A Redis connection as BullMQ wants it: commands wait through a Redis restart instead of
 * failing (maxRetriesPerRequest null), reconnecting with a capped backoff.
 */
export function createRedisConnection(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  redis.on('error', () => undefined); // connection errors are retried; health reports them
  return redis;
}

/** At start-up, an unreachable Redis is a configuration error: say so instead of waiting forever. */
export async function connectRedisAtStartup(url: string): Promise<Redis> {
  const redis = createRedisConnection(url);
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), STARTUP_TIMEOUT_MS).unref()),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    const where = new URL(url).host;
    throw new Error(`Cannot reach Redis at ${where} (check REDIS_URL): ${(error as Error).message}`, { cause: error });
  }
}
