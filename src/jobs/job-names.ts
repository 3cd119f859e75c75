/**
 * The one home of queue names, job names and job payloads: a producer and its handler share these
 * types, so they cannot drift apart. Each job name maps to its payload type.
 */
export const JOB_QUEUE = 'citymatch';

export interface JobPayloads {
  /** A member's data changed in a way that may change suggestions. */
  'member.changed': { memberId: string };
}

export type JobName = keyof JobPayloads;

/** Every job name; a worker refuses to start when one has no handler. */
export const JOB_NAMES: readonly JobName[] = ['member.changed'];
