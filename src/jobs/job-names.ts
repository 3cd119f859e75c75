/**
 * The one home of queue names, job names and job payloads: a producer and its handler share these
 * types, so they cannot drift apart. Each job name maps to its payload type.
 */
export const JOB_QUEUE = 'citymatch';

export interface JobPayloads {
  /** A member's data changed in a way that may change suggestions: update the stored lists it touches. */
  'member.changed': { memberId: string };
  /** Start a full recompute: snapshot the members and fan out one shard job per range of source members. */
  'suggestions.recompute': { reason: string };
  /** Compute and store the lists of source members [start, end) of a generation's snapshot. */
  'suggestions.shard': { generationId: number; start: number; end: number };
  /** All shards stored: switch readers to the generation. */
  'suggestions.finish': { generationId: number };
  /** The daily dormancy check: find the partnerships to look at, one job each. */
  'partnerships.dormancy-sweep': { asOf?: string };
  /** Decide one partnership's dormancy and milestone reminders as of an instant; running it again changes nothing. */
  'partnerships.dormancy-check': { partnershipId: string; asOf: string };
  /** Imported members list partners: open the partnerships that are missing. */
  'partnerships.partners-imported': { memberIds: string[] };
}

export type JobName = keyof JobPayloads;

/** Every job name; a process that runs jobs refuses to start when one has no handler. */
export const JOB_NAMES: readonly JobName[] = [
  'member.changed',
  'suggestions.recompute',
  'suggestions.shard',
  'suggestions.finish',
  'partnerships.dormancy-sweep',
  'partnerships.dormancy-check',
  'partnerships.partners-imported',
];

export interface JobSpec<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
}

/** The nightly safety-net recompute, on BullMQ's job scheduler. */
export const NIGHTLY_RECOMPUTE_SCHEDULER = 'nightly-recompute';

/** The daily dormancy check of partnerships. */
export const DORMANCY_SCHEDULER = 'partnerships-dormancy';
