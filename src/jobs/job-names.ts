/**
 * The one home of queue names, job names and job payloads: a producer and its handler share these
 * types, so they cannot drift apart. Each job name maps to its payload type.
 */
export const JOB_QUEUE = 'citymatch';
/**
 * Digest sends have a queue of their own, run many at once (DIGEST_CONCURRENCY): sends running
 * together share their SQL statements, while recompute shards on the main queue stay few at a time.
 */
export const DIGEST_QUEUE = 'citymatch-digests';

export interface JobPayloads {
  /** A member's data changed in a way that may change suggestions: update the stored lists it touches. */
  'member.changed': { memberId: string };
  /** Start a full recompute: snapshot the members and fan out one shard job per range of source members. */
  'suggestions.recompute': { reason: string };
  /** Compute and store the lists of source members [start, end) of a generation's snapshot. */
  'suggestions.shard': { generationId: number; start: number; end: number };
  /** All shards stored: switch readers to the generation. */
  'suggestions.finish': { generationId: number };
  /** Balance the default lists again if what they are computed from changed since the last run. */
  'suggestions.balance': Record<string, never>;
  /** The daily dormancy check: find the partnerships to look at, one job each. */
  'partnerships.dormancy-sweep': { asOf?: string };
  /** Decide one partnership's dormancy and milestone reminders as of an instant; running it again changes nothing. */
  'partnerships.dormancy-check': { partnershipId: string; asOf: string };
  /** Imported members list partners: open the partnerships that are missing. */
  'partnerships.partners-imported': { memberIds: string[] };
  /** Find the digests that are due (each recipient's local weekday and hour) and enqueue one job each. */
  'digests.tick': Record<string, never>;
  /** Send one person's digest of one ISO week, at most once. */
  'digests.send': { userId: string; week: string };
}

export type JobName = keyof JobPayloads;

/** The queue a job goes to. */
export function queueOf(name: JobName): string {
  return name === 'digests.send' ? DIGEST_QUEUE : JOB_QUEUE;
}

/** Every job name; a process that runs jobs refuses to start when one has no handler. */
export const JOB_NAMES: readonly JobName[] = [
  'member.changed',
  'suggestions.recompute',
  'suggestions.shard',
  'suggestions.finish',
  'suggestions.balance',
  'partnerships.dormancy-sweep',
  'partnerships.dormancy-check',
  'partnerships.partners-imported',
  'digests.tick',
  'digests.send',
];

export interface JobSpec<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
}

/** The nightly safety-net recompute, on BullMQ's job scheduler. */
export const NIGHTLY_RECOMPUTE_SCHEDULER = 'nightly-recompute';

/** The check, every minute by default, that the default (balanced) lists follow the members. */
export const BALANCE_SCHEDULER = 'balanced-lists';

/** The daily dormancy check of partnerships. */
export const DORMANCY_SCHEDULER = 'partnerships-dormancy';
/** The digests' scheduler: every quarter of an hour, so each zone's whole and :15/:45 hours are met. */
export const DIGESTS_TICK_SCHEDULER = 'digests-tick';
