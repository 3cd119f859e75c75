import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS } from '../jobs/jobs.module';

const PING_TIMEOUT_MS = 1500;

/** Redis answers PING on the services stack; the embedded stack's in-process jobs are always ready. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @Optional() @Inject(REDIS) private readonly redis: Redis | null,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.indicators.check(key);
    if (!this.redis) return indicator.up({ kind: 'in-process' });
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer from Redis')), PING_TIMEOUT_MS).unref()),
      ]);
      return indicator.up({ kind: 'bullmq' });
    } catch (error) {
      return indicator.down({ kind: 'bullmq', message: (error as Error).message });
    }
  }
}
