import Redis from 'ioredis';

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
