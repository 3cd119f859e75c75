import { Logger } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DIGEST_QUEUE, JOB_QUEUE, type JobName, type JobPayloads, type JobSpec, queueOf } from './job-names';
import { type BulkJob, type EnqueueOptions, JobQueue, type QueueStatus } from './job-queue';

/** How long the status page waits for Redis's answers. */
const STATUS_TIMEOUT_MS = 1000;

/** Bounded history, so Redis memory stays flat however long the service runs. */
export const JOB_RETENTION = {
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
};

/** The services stack's queue: jobs go to Redis, and any worker process on any machine may run them. */
export class BullMqJobQueue extends JobQueue {
  private readonly logger = new Logger(BullMqJobQueue.name);
  readonly durable = true;
  /** The main queue; job schedulers live on it. */
  readonly queue: Queue;
  private readonly digestQueue: Queue;
  private readonly flows: FlowProducer;
  /** The job schedulers this process registered, kept so that they can be put back when Redis loses them. */
  private readonly schedules = new Map<string, JobSpec & { pattern: string }>();
  private scheduleCheck?: NodeJS.Timeout;
  private restoring?: Promise<string[]>;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly scheduleCheckMs = 60_000,
  ) {
    super();
    this.flows = new FlowProducer({ connection, prefix });
    const queueNamed = (name: string) =>
      new Queue(name, {
        connection,
        prefix,
        defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION },
      });
    this.queue = queueNamed(JOB_QUEUE);
    this.digestQueue = queueNamed(DIGEST_QUEUE);
    // Without a listener BullMQ prints every reconnect failure to the console, outside the structured log.
    const warn = (error: Error) => this.logger.warn(`queue connection: ${error.message}`);
    this.queue.on('error', warn);
    this.digestQueue.on('error', warn);
    this.flows.on('error', warn);
    // A Redis restarted without persistence comes back empty: put the schedulers back as soon as it answers.
    connection.on('ready', () => void this.restoreSchedules());
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.queueFor(name).add(name, payload, jobOptions(options));
  }

  async enqueueMany<N extends JobName>(jobs: Array<BulkJob<N>>): Promise<void> {
    for (const queue of this.bullQueues()) {
      const own = jobs.filter((job) => queueOf(job.name) === queue.name);
      if (own.length > 0)
        await queue.addBulk(own.map((job) => ({ name: job.name, data: job.payload, opts: jobOptions(job.options ?? {}) })));
    }
  }

  async enqueueFlow(parent: JobSpec, children: JobSpec[]): Promise<void> {
    const options = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION };
    await this.flows.add({
      name: parent.name,
      queueName: queueOf(parent.name),
      data: parent.payload,
      opts: options,
      children: children.map((child) => ({
        name: child.name,
        queueName: queueOf(child.name),
        data: child.payload,
        opts: { ...options, failParentOnFailure: true },
      })),
    });
  }

  async drain(): Promise<void> {
    // Adding is synchronous with Redis: nothing is held back in this process.
  }

  async handOver<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<boolean> {
    await this.enqueue(name, payload, options);
    return true;
  }

  /**
   * BullMQ's job scheduler: one job per tick, whichever worker takes it. Redis may lose it (a restart
   * without persistence, a FLUSHALL): every check, and every reconnect, registers again what is missing.
   */
  async schedule<N extends JobName>(name: string, cronPattern: string | null, job: JobSpec<N>): Promise<void> {
    if (cronPattern === null) {
      this.schedules.delete(name);
      await this.queue.removeJobScheduler(name);
    } else {
      this.schedules.set(name, { ...job, pattern: cronPattern });
      await this.upsertScheduler(name, cronPattern, job);
    }
    this.scheduleCheck ??= setInterval(() => void this.restoreSchedules(), this.scheduleCheckMs).unref();
  }

  /** Registers again each of this process's schedulers that Redis no longer has; returns their names. */
  restoreSchedules(): Promise<string[]> {
    this.restoring ??= this.restoreMissing().finally(() => (this.restoring = undefined));
    return this.restoring;
  }

  private async restoreMissing(): Promise<string[]> {
    const restored: string[] = [];
    try {
      for (const [name, { pattern }] of this.schedules) {
        if (await this.queue.getJobScheduler(name)) continue;
        const wanted = this.schedules.get(name);
        if (wanted?.pattern !== pattern) continue; // changed or removed meanwhile
        await this.upsertScheduler(name, pattern, wanted);
        restored.push(name);
      }
    } catch (error) {
      this.logger.warn(`cannot check the job schedulers yet, will retry: ${(error as Error).message}`);
    }
    if (restored.length > 0) this.logger.warn(`job schedulers missing from Redis, registered again: ${restored.join(', ')}`);
    return restored;
  }

  private async upsertScheduler(name: string, pattern: string, job: JobSpec): Promise<void> {
    await this.queue.upsertJobScheduler(name, { pattern }, { name: job.name, data: job.payload });
  }

  async nextRun(name: string): Promise<Date | null> {
    const scheduler = await withinStatusTimeout(this.queue.getJobScheduler(name));
    return scheduler?.next ? new Date(scheduler.next) : null;
  }

  /** Counts from Redis over both queues, or `reachable: false` within a second while Redis is down (the outbox still tells the backlog). */
  async status(): Promise<QueueStatus> {
    const both = await withinStatusTimeout(Promise.all(this.bullQueues().map((queue) => queue.getJobCounts())));
    const counts = both && sumCounts(both);
    return { kind: 'bullmq', reachable: counts !== null, counts };
  }

  async pendingJobs(): Promise<number> {
    let pending = 0;
    for (const queue of this.bullQueues()) {
      // Earlier states first: a job moving on between the two reads is then seen in one of them.
      // A job scheduler always keeps its next run delayed (ids "repeat:…"); that one is not pending work.
      const delayed = (await queue.getDelayed()).filter((job) => !job.id?.startsWith('repeat:'));
      const counts = await queue.getJobCounts('waiting-children', 'prioritized', 'waiting', 'active');
      pending += Object.values(counts).reduce((sum, count) => sum + count, 0) + delayed.length;
    }
    return pending;
  }

  bullQueues(): Queue[] {
    return [this.queue, this.digestQueue];
  }

  private queueFor(name: JobName): Queue {
    return queueOf(name) === DIGEST_QUEUE ? this.digestQueue : this.queue;
  }

  async close(): Promise<void> {
    clearInterval(this.scheduleCheck);
    await this.flows.close();
    await this.digestQueue.close();
    await this.queue.close();
  }
}

/** The answer, or null when Redis gives none in time (or fails). */
function withinStatusTimeout<T>(answer: Promise<T>): Promise<T | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), STATUS_TIMEOUT_MS).unref());
  return Promise.race([answer.catch(() => null), timeout]);
}

function sumCounts(each: Array<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const counts of each) for (const [state, count] of Object.entries(counts)) sum[state] = (sum[state] ?? 0) + count;
  return sum;
}

function jobOptions(options: EnqueueOptions) {
  return {
    delay: options.delayMs,
    deduplication: options.coalesceKey ? { id: options.coalesceKey, keepLastIfActive: true } : undefined,
  };
}
