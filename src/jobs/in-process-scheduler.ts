import { Cron } from 'croner';
import type { JobSpec } from './job-names';

/**
 * The embedded stack's job scheduler: each named schedule enqueues its job on every cron tick, in
 * this process, so scheduled work also runs for a plain `npm start`. Timers do not keep the process
 * alive, and a tick is skipped while the previous one is still being enqueued.
 */
export class InProcessScheduler {
  private readonly crons = new Map<string, Cron>();

  constructor(private readonly enqueue: (job: JobSpec) => void) {}

  schedule(name: string, cronPattern: string | null, job: JobSpec): void {
    this.crons.get(name)?.stop();
    this.crons.delete(name);
    if (cronPattern !== null) this.crons.set(name, new Cron(cronPattern, { unref: true, protect: true }, () => this.enqueue(job)));
  }

  nextRun(name: string): Date | null {
    return this.crons.get(name)?.nextRun() ?? null;
  }

  stopAll(): void {
    for (const cron of this.crons.values()) cron.stop();
    this.crons.clear();
  }
}
