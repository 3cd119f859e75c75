import { Logger } from '@nestjs/common';
import type { JobName, JobPayloads, JobSpec } from './job-names';
import type { JobHandlers } from './job-handlers';
import { InProcessScheduler } from './in-process-scheduler';
import { type BulkJob, type EnqueueOptions, JobQueue, type QueueStatus } from './job-queue';

/**
 * The embedded stack's queue: each job runs once, in the order enqueued, through the same handler
 * a BullMQ worker would call. Nothing more: no retries, delays or deduplication. Jobs live in
 * memory, so the outbox keeps each one recorded until it has run.
 */
export class InProcessJobQueue extends JobQueue {
  readonly durable = false;
  private readonly logger = new Logger(InProcessJobQueue.name);
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  /** Jobs queued and not yet finished, children of a flow included. */
  private pending = 0;
  private readonly scheduler = new InProcessScheduler((job) => void this.enqueue(job.name, job.payload));

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    void this.run(name, payload);
  }

  async enqueueMany<N extends JobName>(jobs: Array<BulkJob<N>>): Promise<void> {
    for (const job of jobs) void this.run(job.name, job.payload);
  }

  /** Queues the job and resolves once it has run (or failed, which is logged). */
  run<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<boolean> {
    this.pending++;
    const done = this.tail.then(async () => {
      if (this.closed) return false;
      try {
        await this.handlers.run(name, payload);
        return true;
      } catch (error) {
        this.logger.error(`job ${name} failed: ${(error as Error).stack ?? (error as Error).message}`);
        return true;
      } finally {
        this.pending--;
      }
    });
    this.tail = done.then(() => undefined);
    return done;
  }

  handOver<N extends JobName>(name: N, payload: JobPayloads[N], _options?: EnqueueOptions): Promise<boolean> {
    return this.run(name, payload);
  }

  async schedule<N extends JobName>(name: string, cronPattern: string | null, job: JobSpec<N>): Promise<void> {
    this.scheduler.schedule(name, cronPattern, job);
  }

  async nextRun(name: string): Promise<Date | null> {
    return this.scheduler.nextRun(name);
  }

  async status(): Promise<QueueStatus> {
    return { kind: 'in-process' };
  }

  async pendingJobs(): Promise<number> {
    return this.pending;
  }

  bullQueues(): [] {
    return [];
  }

  /** Children then parent, in order; the parent is skipped when a child failed. */
  async enqueueFlow(parent: JobSpec, children: JobSpec[]): Promise<void> {
    let childFailed = false;
    for (const child of children) {
      this.tail = this.tail.then(async () => {
        if (this.closed) return;
        await this.handlers.run(child.name, child.payload).catch((error: Error) => {
          childFailed = true;
          this.logger.error(`job ${child.name} failed: ${error.stack ?? error.message}`);
        });
      });
    }
    this.tail = this.tail.then(() => (childFailed || this.closed ? undefined : this.enqueue(parent.name, parent.payload)));
  }

  /** Waits until the queue is empty, including jobs that running jobs enqueue. */
  async drain(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  /** Finishes the running job and starts no other; what did not run is still in the outbox. */
  async close(): Promise<void> {
    this.closed = true;
    this.scheduler.stopAll();
    await this.drain();
  }
}
