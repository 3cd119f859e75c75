import { storableText } from '../../http/unsafe-input';
import type { AuditEntry, AuditOutcome } from './audit-entry';

/** One INSERT for both paths: inside the write's transaction, or after a refused or failed write. */
export function insertAuditRow(entry: AuditEntry, outcome: AuditOutcome, statusCode: number | null): [string, unknown[]] {
  return [
    `INSERT INTO audit_log (token_id, user_id, session_id, role, client_address, method, route, entity, entity_id, outcome, status_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      entry.tokenId,
      entry.userId ?? null,
      entry.sessionId ?? null,
      entry.role,
      entry.clientAddress,
      entry.method,
      entry.route,
      entry.entity,
      entry.entityId,
      outcome,
      statusCode,
    ].map((value) =>
      // A refused write is recorded whatever bytes it carried, also those PostgreSQL text cannot hold.
      typeof value === 'string' ? storableText(value) : value,
    ),
  ];
}
