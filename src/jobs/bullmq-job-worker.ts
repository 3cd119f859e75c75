import { Logger } from '@nestjs/common';
import { Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { JobName } from './job-names';
import type { JobHandlers } from './job-handlers';

/** How long a job's lock lasts without renewal (renewed every half of it). */
const LOCK_MS = 15_000;
/** How often workers look for jobs whose lock expired. */
const STALLED_CHECK_MS = 5_000;

/**
 * Runs jobs from Redis through the registered handlers. A killed worker's active jobs are taken over
 * by another worker through BullMQ's stalled-job check; SIGTERM lets running jobs finish first.
 */
export class BullMqJobWorker {
  private readonly logger = new Logger(BullMqJobWorker.name);
  readonly worker: Worker;

  constructor(queueName: string, connection: Redis, prefix: string, concurrency: number, handlers: JobHandlers) {
    this.worker = new Worker(queueName, (job) => handlers.run(job.name as JobName, job.data), {
      connection,
      prefix,
      concurrency,
      autorun: true,
      // A killed worker's job is back in the queue within LOCK_MS + STALLED_CHECK_MS. Job code keeps
      // the event loop free (the kernel runs on threads; the longest synchronous step, preparing
      // 112,000 members, takes about a second), so the lock is renewed in time.
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: 2,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`));
    this.worker.on('error', (error) => this.logger.error(`worker error: ${error.message}`));
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
