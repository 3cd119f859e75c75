import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';

/** Redis answers PING on the services stack; the embedded stack's in-process jobs are always ready. */
@Injectable()
export class QueueHealthIndicator implements OnModuleDestroy {
  private readonly redis?: Redis;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    if (config.queue.kind === 'bullmq') {
      this.redis = new Redis(config.queue.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
      this.redis.on('error', () => undefined); // reported through the health check, not as an unhandled event
    }
  }

  async check(key: string) {
    const indicator = this.indicators.check(key);
    if (!this.redis) return indicator.up({ kind: 'in-process' });
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      await this.redis.ping();
      return indicator.up({ kind: 'bullmq' });
    } catch (error) {
      return indicator.down({ kind: 'bullmq', message: (error as Error).message });
    }
  }

  async onModuleDestroy() {
    this.redis?.disconnect();
  }
}
