import type { Queue } from 'bullmq';
import type { JobName, JobPayloads, JobSpec } from './job-names';

export interface EnqueueOptions {
  /**
   * Jobs with the same key coalesce while one is waiting; one that arrives while it runs is kept
   * (the latest only) and runs after it, so no change is missed and no two run at once.
   */
  coalesceKey?: string;
  /** Wait this long before running, so that changes arriving together coalesce. */
  delayMs?: number;
}

/** One job of `enqueueMany`. */
export interface BulkJob<N extends JobName = JobName> extends JobSpec<N> {
  options?: EnqueueOptions;
}

/** What the status page shows of the queue: Redis's counts (null while it does not answer), or just the kind. */
export type QueueStatus = { kind: 'bullmq'; reachable: boolean; counts: Record<string, number> | null } | { kind: 'in-process' };

/** Where producers send work. The adapter (BullMQ or in-process) is chosen by configuration. */
export abstract class JobQueue {
  /**
   * Whether an accepted job survives a crash of this process (BullMQ: it is in Redis). The outbox
   * keeps a job recorded until a durable queue has accepted it, or until a non-durable one has run it.
   */
  abstract readonly durable: boolean;

  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;

  /** Many jobs at once, each as `enqueue` would take it (BullMQ: one `addBulk`, one round trip to Redis). */
  abstract enqueueMany<N extends JobName>(jobs: Array<BulkJob<N>>): Promise<void>;

  /** Runs `parent` after every child has succeeded; a child that keeps failing fails the parent. */
  abstract enqueueFlow(parent: JobSpec, children: JobSpec[]): Promise<void>;

  /** Resolves once every job enqueued so far has run (in-process) or been handed to Redis (BullMQ). */
  abstract drain(): Promise<void>;

  /**
   * Hands over a job recorded in the outbox. Resolves true once its outbox row may go: when a durable
   * queue has accepted it, or when this process has run it (false: the queue closed first).
   */
  abstract handOver<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<boolean>;

  /**
   * Enqueues `job` on every tick of `cronPattern`, under a stable `name`: scheduling a name again
   * replaces its schedule, and a null pattern removes it. A cron only fans out: the job does the work.
   */
  abstract schedule<N extends JobName>(name: string, cronPattern: string | null, job: JobSpec<N>): Promise<void>;

  /** When the schedule `name` next enqueues its job; null when it is not scheduled (or Redis does not answer). */
  abstract nextRun(name: string): Promise<Date | null>;

  abstract status(): Promise<QueueStatus>;

  /**
   * Jobs accepted and not yet finished (waiting, delayed or running); a scheduler's next tick is
   * not counted, since it is no pending work.
   */
  abstract pendingJobs(): Promise<number>;

  /** The BullMQ queue behind this adapter, for Bull Board; null when there is nothing in Redis to show. */
  abstract bullQueues(): Queue[];

  /** Stops taking jobs; an in-process queue finishes the running one first. */
  abstract close(): Promise<void>;
}
