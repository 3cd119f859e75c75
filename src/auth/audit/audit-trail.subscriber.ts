import { type EntitySubscriberInterface, EventSubscriber, type TransactionCommitEvent } from 'typeorm';
import { auditContextStorage } from './audit-context';
import { insertAuditRow } from './audit-sql';

/**
 * Appends the request's audit row inside the transaction of its write, just before it commits:
 * the write and its audit row are kept or lost together. The first committing transaction of a
 * request carries it; the final outcome and status are filled in when the response is sent.
 */
@EventSubscriber()
export class AuditTrailSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const context = auditContextStorage.getStore();
    if (!context || context.recordedId) return;
    const rows: Array<{ id: string }> = await event.queryRunner.query(...insertAuditRow(context.entry, 'succeeded', null));
    context.recordedId = String(rows[0].id);
  }
}
