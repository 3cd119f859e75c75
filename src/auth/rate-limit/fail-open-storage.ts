import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

const WARNING_INTERVAL_MS = 30_000;
/** After the store failed, requests skip it this long, so only one request in such a window waits for it. */
const SKIP_AFTER_FAILURE_MS = 2_000;

/**
 * While the shared counter store (Redis) is unreachable or frozen, requests are let through rather
 * than refused or left waiting: members' work matters more than counting it. Each call to the
 * store is bounded by its connection's command timeout, and after a failure the store is left
 * alone for a moment. It is logged, at most every 30 s.
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;
  private skipUntil = 0;

  constructor(
    private readonly storage: ThrottlerStorage,
    private readonly close: () => void,
  ) {}

  onApplicationShutdown(): void {
    this.close();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (Date.now() < this.skipUntil) return uncounted(ttl);
    try {
      return await this.storage.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      this.skipUntil = Date.now() + SKIP_AFTER_FAILURE_MS;
      if (Date.now() - this.lastWarning > WARNING_INTERVAL_MS) {
        this.lastWarning = Date.now();
        this.logger.warn(`rate limits not enforced: the counter store failed (${(error as Error).message})`);
      }
      return uncounted(ttl);
    }
  }
}

function uncounted(ttl: number): ThrottlerStorageRecord {
  return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
}
