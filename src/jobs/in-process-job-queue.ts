import { Logger } from '@nestjs/common';
import type { JobName, JobPayloads, JobSpec } from './job-names';
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

  /** Children then parent, in order; the parent is skipped when a child failed. */
  async enqueueFlow(parent: JobSpec, children: JobSpec[]): Promise<void> {
    let childFailed = false;
    for (const child of children) {
      this.tail = this.tail.then(() =>
        this.handlers.run(child.name, child.payload).then(
          () => undefined,
          (error: Error) => {
            childFailed = true;
            this.logger.error(`job ${child.name} failed: ${error.stack ?? error.message}`);
          },
        ),
      );
    }
    this.tail = this.tail.then(() => (childFailed ? undefined : this.enqueue(parent.name, parent.payload)));
  }

  /** Waits until the queue is empty, including jobs that running jobs enqueue. */
  async drain(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}
