import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type JobName, type JobPayloads } from './job-names';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<unknown>;

/** The handler of each job name, registered by the feature modules' processors; both adapters run these. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`job "${name}" already has a handler`);
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  run<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<unknown> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job "${name}"`);
    return handler(payload);
  }

  /** Job names that nobody handles: a worker with any of these must not start. */
  missing(): JobName[] {
    return JOB_NAMES.filter((name) => !this.handlers.has(name));
  }
}
