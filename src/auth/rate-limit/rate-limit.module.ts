import { Module } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { AuthenticatedRequest } from '../principal';
import { FailOpenThrottlerStorage } from './fail-open-storage';

const WINDOW_MS = 60_000;
/** The longest a request waits for its counter; past it the request goes through uncounted. */
const COUNTER_TIMEOUT_MS = 300;

function limitFor(config: AppConfig, context: ExecutionContext): number {
  const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return principal ? config.rateLimit.perToken : config.rateLimit.anonymous;
}

/**
 * Counters live in Redis on the services stack, so every API process shares them, and in memory on
 * the embedded stack (one process). A limit of 0 switches that kind of limit off.
 */
function createStorage(config: AppConfig) {
  if (config.queue.kind !== 'bullmq') return new ThrottlerStorageService();
  // Its own connection, failing fast: a request must not wait for Redis to come back, nor for a frozen one to answer.
  const redis = new Redis(config.queue.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COUNTER_TIMEOUT_MS,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  return new FailOpenThrottlerStorage(new ThrottlerStorageRedisService(redis), () => redis.disconnect());
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const prefix = config.queue.kind === 'bullmq' ? config.queue.prefix : 'citymatch';
        return {
          throttlers: [{ name: 'default', ttl: WINDOW_MS, limit: (context) => limitFor(config, context) }],
          skipIf: (context) => limitFor(config, context) === 0,
          // Per caller across all routes, not per route.
          generateKey: (_context, tracker, name) => `${prefix}:rate-limit:${name}:${tracker}`,
          errorMessage: 'too many requests; retry after the number of seconds in Retry-After',
          storage: createStorage(config),
        };
      },
    }),
  ],
})
export class RateLimitModule {}
