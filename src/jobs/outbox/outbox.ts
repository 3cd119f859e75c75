import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '../job-names';
import type { EnqueueOptions } from '../job-queue';

/**
 * Records a job in the same transaction as the change that causes it: if the transaction commits,
 * the job will be enqueued, even when Redis is down at that moment; if it rolls back, it never was.
 */
export async function recordJob<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayloads[N],
  options: EnqueueOptions = {},
): Promise<void> {
  await manager.query('INSERT INTO outbox (job_name, payload, coalesce_key, delay_ms) VALUES ($1, $2, $3, $4)', [
    name,
    JSON.stringify(payload),
    options.coalesceKey ?? null,
    options.delayMs ?? 0,
  ]);
  // Lets the relay hand the job over as soon as the transaction commits (see OutboxRelay.afterTransactionCommit).
  if (manager.queryRunner) manager.queryRunner.data = { ...manager.queryRunner.data, [OUTBOX_RECORDED]: true };
}

/** Marks a query runner whose open transaction recorded a job. */
export const OUTBOX_RECORDED = 'citymatch.outboxRecorded';

/**
 * A member change as the suggestions pipeline wants it: coalesced per member, without waiting. Changes
 * that arrive while the member's job waits are folded into it; one that arrives while it runs is
 * kept (the latest only) and runs right after it.
 */
export function recordMemberChange(manager: EntityManager, memberId: string): Promise<void> {
  return recordJob(manager, 'member.changed', { memberId }, { coalesceKey: `member-changed-${memberId}` });
}
