import { Module } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { AuthenticatedRequest } from '../principal';
import { FailOpenThrottlerStorage } from './fail-open-storage';
import { limitFor, rateLimitKey, THROTTLER_NAME, WINDOW_MS } from './rate-limit-rules';
import { RateLimiter } from './rate-limiter';

/** The longest a request waits for its counter; past it the request goes through uncounted. */
const COUNTER_TIMEOUT_MS = 300;

function limitOf(config: AppConfig, context: ExecutionContext): number {
  return limitFor(config, context.switchToHttp().getRequest<AuthenticatedRequest>().principal);
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
        return {
          throttlers: [{ name: THROTTLER_NAME, ttl: WINDOW_MS, limit: (context) => limitOf(config, context) }],
          skipIf: (context) => limitOf(config, context) === 0,
          generateKey: (_context, tracker, name) => rateLimitKey(config, name, tracker),
          errorMessage: 'too many requests; retry after the number of seconds in Retry-After',
          storage: createStorage(config),
        };
      },
    }),
  ],
  providers: [RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
