import {
  BeforeApplicationShutdown,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config';
import { BullMqJobQueue } from './bullmq-job-queue';
import { BullMqJobWorker } from './bullmq-job-worker';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { connectRedisAtStartup, createWorkerRedisConnection } from './redis-connection';
import { OutboxRelay } from './outbox/outbox-relay';
import { DIGEST_QUEUE, JOB_QUEUE, NIGHTLY_RECOMPUTE_SCHEDULER } from './job-names';

/** The queue's Redis connection (adds, health, the dashboard): every command has a short timeout. */
export const REDIS = Symbol('REDIS');

/** Starts the BullMQ worker where configured, once every feature has registered its handlers. */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private workers: BullMqJobWorker[] = [];
  /** Each worker's own connection: their blocking reads must not time out like request commands do. */
  private workerRedis: Redis[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly handlers: JobHandlers,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workers.inline) return;
    const missing = this.handlers.missing();
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    if (this.redis && this.config.queue.kind === 'bullmq') {
      const { prefix, redisUrl } = this.config.queue;
      const { concurrency, digestConcurrency } = this.config.workers;
      this.workerRedis = [createWorkerRedisConnection(redisUrl), createWorkerRedisConnection(redisUrl)];
      this.workers = [
        new BullMqJobWorker(JOB_QUEUE, this.workerRedis[0], prefix, concurrency, this.handlers),
        new BullMqJobWorker(DIGEST_QUEUE, this.workerRedis[1], prefix, digestConcurrency, this.handlers),
      ];
      this.logger.log(`processing jobs with concurrency ${concurrency}, digests with ${digestConcurrency}`);
    }
    // A safety net: one full recompute per cron tick, on either stack.
    await this.queue.schedule(NIGHTLY_RECOMPUTE_SCHEDULER, this.config.suggestions.nightlyCron, {
      name: 'suggestions.recompute',
      payload: { reason: 'nightly' },
    });
  }

  /** Before any shutdown hook closes a connection (TypeORM's runs before ours): running jobs finish with the database open. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    if (!this.queue.durable) await this.queue.close();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.queue.durable) await this.queue.close();
    for (const connection of this.workerRedis) connection.disconnect();
    this.redis?.disconnect();
  }
}

@Global()
@Module({
  providers: [
    JobHandlers,
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.queue.kind === 'bullmq' ? connectRedisAtStartup(config.queue.redisUrl) : null),
    },
    {
      provide: JobQueue,
      inject: [APP_CONFIG, REDIS, JobHandlers],
      useFactory: (config: AppConfig, redis: Redis | null, handlers: JobHandlers) =>
        config.queue.kind === 'bullmq' && redis
          ? new BullMqJobQueue(redis, config.queue.prefix, config.queue.scheduleCheckMs)
          : new InProcessJobQueue(handlers),
    },
    JobWorkers,
    OutboxRelay,
  ],
  exports: [JobHandlers, JobQueue, REDIS, OutboxRelay],
})
export class JobsModule {}
