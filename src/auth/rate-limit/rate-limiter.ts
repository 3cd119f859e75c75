import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { Principal } from '../principal';
import { limitFor, rateLimitKey, THROTTLER_NAME, trackerFor, WINDOW_MS } from './rate-limit-rules';

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * The API's rate limits for routes outside Nest's guards (the queue dashboard): the same counters,
 * keys and limits as /api/v1, so a caller's requests there and on the API add up.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  async hit(principal: Principal | null, address: string): Promise<RateLimitVerdict> {
    const limit = limitFor(this.config, principal);
    if (limit === 0) return { limited: false };
    const key = rateLimitKey(this.config, THROTTLER_NAME, trackerFor(principal, address));
    const record = await this.storage.increment(key, WINDOW_MS, limit, WINDOW_MS, THROTTLER_NAME);
    return record.isBlocked ? { limited: true, retryAfterSeconds: Math.max(1, record.timeToBlockExpire) } : { limited: false };
  }
}
