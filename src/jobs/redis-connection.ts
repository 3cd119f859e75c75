import Redis, { type RedisOptions } from 'ioredis';

const STARTUP_TIMEOUT_MS = 5000;

/**
 * How long a queue command may wait for Redis. A frozen Redis (a stuck failover, a network
 * partition) keeps the connection open and answers nothing; past this the command fails and the
 * job stays in the outbox. Long enough for a busy Redis to add a recompute's whole flow.
 */
export const QUEUE_COMMAND_TIMEOUT_MS = 2000;

const reconnect = (attempt: number) => Math.min(attempt * 200, 5000);

/**
 * The queue's connection (adds from the outbox relay and jobs, health, the dashboard): every command
 * is bounded, and while Redis is unreachable a command fails after one reconnect attempt instead of waiting.
 */
export function createQueueRedisConnection(url: string): Redis {
  return quiet(
    new Redis(url, {
      commandTimeout: QUEUE_COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: reconnect,
    }),
  );
}

/**
 * A BullMQ worker's connection: its blocking reads wait as long as they must, and commands wait
 * through a Redis restart instead of failing (maxRetriesPerRequest null, which BullMQ requires).
 * BullMQ duplicates it for the blocking connection, so it must carry no command timeout.
 */
export function createWorkerRedisConnection(url: string): Redis {
  return quiet(new Redis(url, { maxRetriesPerRequest: null, retryStrategy: reconnect } satisfies RedisOptions));
}

function quiet(redis: Redis): Redis {
  redis.on('error', () => undefined); // connection errors are retried; health reports them
  return redis;
}

/** At start-up, an unreachable Redis is a configuration error: say so instead of waiting forever. */
export async function connectRedisAtStartup(url: string): Promise<Redis> {
  // A probe of its own: a busy Redis may take longer than a queue command's timeout to answer a first PING.
  const probe = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: reconnect });
  probe.on('error', () => undefined);
  try {
    await Promise.race([
      probe.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), STARTUP_TIMEOUT_MS).unref()),
    ]);
  } catch (error) {
    const where = new URL(url).host;
    throw new Error(`Cannot reach Redis at ${where} (check REDIS_URL): ${(error as Error).message}`, { cause: error });
  } finally {
    probe.disconnect();
  }
  return createQueueRedisConnection(url);
}
