import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEntry } from './audit-entry';

/** The write a request is making, and the audit row once it has been written in the write's transaction. */
export interface AuditContext {
  entry: AuditEntry;
  recordedId?: string;
}

/** Lets the database layer find the request's audit entry without every service passing it along. */
export const auditContextStorage = new AsyncLocalStorage<AuditContext>();

/** For writes whose entity id is only known inside the service (a new token's id). */
export function noteAuditedEntityId(id: string): void {
  const context = auditContextStorage.getStore();
  if (context && !context.entry.entityId) context.entry.entityId = id;
}

/** For a sign-in, whose person and session are only known once the link has been used. */
export function noteAuditedSession(userId: string, sessionId: string): void {
  const context = auditContextStorage.getStore();
  if (!context) return;
  context.entry.userId = userId;
  context.entry.sessionId = sessionId;
  context.entry.entityId ??= sessionId;
}
