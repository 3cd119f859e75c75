import type { BulkJob } from '../jobs';

/**
 * One person's digest of one week as a job. Its key `digest:{userId}:{isoWeek}` coalesces repeats
 * while one waits; the delivery log makes a repeat that does run send nothing.
 */
export function digestJob(userId: string, week: string): BulkJob<'digests.send'> {
  return { name: 'digests.send', payload: { userId, week }, options: { coalesceKey: `digest:${userId}:${week}` } };
}
