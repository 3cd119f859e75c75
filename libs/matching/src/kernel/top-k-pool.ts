import { Worker } from 'node:worker_threads';

import { workerEntry } from '../worker-entry';
import type { ShardJob, ShardResult } from './shard';

/** A function a pool's thread runs for runTask: `name`, exported by the module at `file`. */
export interface PoolTask {
  file: string;
  name: string;
  /** Its one argument, copied to the thread (shared arrays are shared). */
  input: unknown;
}

/** What a thread posts back for a task. */
export type TaskOutcome = { result: unknown } | { failed: string };

/**
 * Worker threads kept for repeated computeTopK calls: starting a thread and optimising
 * its code costs tens of milliseconds (much more when running from TypeScript sources),
 * which matters next to a recompute that itself takes a fraction of a second. A caller
 * with other work for a thread that would wait gives it a task (runTask). Idle threads do
 * not keep the process alive; close() ends them.
 */
export class TopKPool {
  private readonly workers: Worker[];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(readonly threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be an integer >= 1, got ${threads}`);
    const { file, execArgv } = workerEntry(__filename, 'top-k.worker');
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(file, { execArgv });
      worker.unref();
      return worker;
    });
  }

  /** Runs one job per thread (jobs.length must equal threads); calls are served in turn. */
  run(jobs: readonly Omit<ShardJob, 'slot'>[]): Promise<ShardResult[]> {
    if (this.closed) return Promise.reject(new Error('the matching thread pool is closed'));
    if (jobs.length !== this.threads) throw new RangeError(`expected ${this.threads} jobs, got ${jobs.length}`);
    const next = this.queue.then(() =>
      Promise.all(jobs.map((job, slot) => this.post(this.workers[slot], { ...job, slot }) as Promise<ShardResult>)),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs a function on the pool's first thread, in turn with the scans: other work for a thread that would
   * otherwise wait. The match command has it check the records while its own thread prepares them, and
   * write part of the lists a scan has just made.
   */
  runTask<T>(task: PoolTask): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the matching thread pool is closed'));
    const next = this.queue.then(async () => {
      const outcome = (await this.post(this.workers[0], { task })) as TaskOutcome;
      if ('failed' in outcome) throw new Error(`task ${task.name} failed in a matching thread: ${outcome.failed}`);
      return outcome.result as T;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Posts one message to a thread and resolves to its answer. */
  private post(worker: Worker, message: ShardJob | { task: PoolTask }): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      const done = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (answer: unknown): void => (done(), resolve(answer));
      const onError = (error: Error): void => (done(), reject(error));
      const onExit = (code: number): void => (done(), reject(new Error(`matching thread exited with code ${code}`)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage(message);
    });
  }
}
