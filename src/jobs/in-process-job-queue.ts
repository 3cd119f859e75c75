import { Logger } from '@nestjs/common';
import type { JobName, JobPayloads } from './job-names';
import type { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';

/**
 * The embedded stack's queue: each job runs once, in the order enqueued, through the same handler
 * a BullMQ worker would call. Nothing more: no retries, delays or deduplication.
 */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    this.tail = this.tail.then(() =>
      this.handlers.run(name, payload).then(
        () => undefined,
        (error: Error) => this.logger.error(`job ${name} failed: ${error.stack ?? error.message}`),
      ),
    );
  }

  drain(): Promise<void> {
    return this.tail;
  }
}
