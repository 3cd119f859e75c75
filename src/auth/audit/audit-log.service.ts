import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditQuery } from './dto/audit.query';
import { type AuditEntry, outcomeOf } from './audit-entry';
import { insertAuditRow } from './audit-sql';

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
  outcome: string;
  statusCode: number | null;
}

@Injectable()
export class AuditLogService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditLogService.name);
  /** Completions still running after their response went out; shutdown waits for them. */
  private readonly pending = new Set<Promise<void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * When the response is sent: completes the row written with the write, or, for a write that was
   * refused or failed before committing anything, appends one on its own.
   */
  settle(entry: AuditEntry, recordedId: string | undefined, statusCode: number): Promise<void> {
    const completion = this.complete(entry, recordedId, statusCode).finally(() => this.pending.delete(completion));
    this.pending.add(completion);
    return completion;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async complete(entry: AuditEntry, recordedId: string | undefined, statusCode: number): Promise<void> {
    try {
      if (recordedId) {
        const [updated] = await this.dataSource.query(`UPDATE audit_log SET outcome = $2, status_code = $3 WHERE id = $1 RETURNING id`, [
          recordedId,
          outcomeOf(statusCode),
          statusCode,
        ]);
        if ((updated as unknown[]).length > 0) return;
      }
      await this.dataSource.query(...insertAuditRow(entry, outcomeOf(statusCode), statusCode));
    } catch (error) {
      this.logger.error(`could not complete the audit log for ${entry.method} ${entry.route}: ${(error as Error).message}`);
    }
  }

  async list(query: AuditQuery): Promise<{ items: AuditRecord[]; limit: number; offset: number }> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (query.tokenId) where('token_id = ?', query.tokenId);
    if (query.userId) where('user_id = ?', query.userId);
    if (query.sessionId) where('session_id = ?', query.sessionId);
    if (query.entity) where('entity = ?', query.entity);
    if (query.entityId) where('entity_id = ?', query.entityId);
    if (query.outcome) where('outcome = ?', query.outcome);
    if (query.since) where('at >= ?', query.since);
    if (query.until) where('at < ?', query.until);
    values.push(query.limit, query.offset);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, at, token_id, user_id, session_id, role, client_address, method, route, entity, entity_id, outcome, status_code
       FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT $${values.length - 1} OFFSET $${values.length}`,
      values,
    );
    return { items: rows.map(toAuditRecord), limit: query.limit, offset: query.offset };
  }
}

function toAuditRecord(row: Record<string, unknown>): AuditRecord {
  return {
    id: String(row.id),
    at: new Date(row.at as string).toISOString(),
    tokenId: row.token_id as string | null,
    userId: row.user_id as string | null,
    sessionId: row.session_id as string | null,
    role: row.role as string | null,
    clientAddress: row.client_address as string,
    method: row.method as string,
    route: row.route as string,
    entity: row.entity as string,
    entityId: row.entity_id as string | null,
    outcome: row.outcome as string,
    statusCode: row.status_code as number | null,
  };
}
