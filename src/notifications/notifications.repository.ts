import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NewNotification, Notification } from './notification.types';

const COLUMNS = `id::text AS id, member_id AS "memberId", kind, partnership_id AS "partnershipId", message, data,
  created_at AS "createdAt", read_at AS "readAt"`;

/** The notifications table's SQL. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, items: NewNotification[], at: Date): Promise<void> {
    for (const item of items) {
      await manager.query(
        `INSERT INTO notifications (member_id, kind, partnership_id, message, data, created_at, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          item.audience === 'secretariat' ? null : item.audience.memberId,
          item.kind,
          item.partnershipId,
          item.message,
          JSON.stringify(item.data ?? {}),
          at,
          item.dedupeKey ?? null,
        ],
      );
    }
  }

  /** Newest first; `memberId` null reads the secretariat's. */
  async list(memberId: string | null, filter: { since?: Date; unread?: boolean; limit: number }): Promise<Notification[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE member_id IS NOT DISTINCT FROM $1 AND ($2::timestamptz IS NULL OR created_at >= $2) AND (NOT $3 OR read_at IS NULL)
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [memberId, filter.since ?? null, filter.unread ?? false, filter.limit],
    );
    return rows.map(toNotification);
  }

  /** The audience's notifications of these kinds created in [since, until), oldest first. */
  async between(memberId: string | null, kinds: readonly string[], since: Date, until: Date, limit: number): Promise<Notification[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications
       WHERE member_id IS NOT DISTINCT FROM $1 AND kind = ANY($2) AND created_at >= $3 AND created_at < $4
       ORDER BY created_at, id LIMIT $5`,
      [memberId, kinds, since, until, limit],
    );
    return rows.map(toNotification);
  }

  /** `between` for several audiences and windows in one read: one list per ask, in the order asked. */
  async betweenMany(
    asks: Array<{ memberId: string | null; kinds: readonly string[]; since: Date; until: Date }>,
    limit: number,
  ): Promise<Notification[][]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT q.ask, n.* FROM jsonb_to_recordset($1::jsonb) AS q (ask int, member_id text, kinds text[], since timestamptz, until timestamptz)
       CROSS JOIN LATERAL (SELECT ${COLUMNS} FROM notifications
         WHERE member_id IS NOT DISTINCT FROM q.member_id AND kind = ANY(q.kinds) AND created_at >= q.since AND created_at < q.until
         ORDER BY created_at, id LIMIT $2) AS n
       ORDER BY q.ask, n."createdAt", n.id::bigint`,
      [
        JSON.stringify(
          asks.map((ask, index) => ({ ask: index, member_id: ask.memberId, kinds: ask.kinds, since: ask.since, until: ask.until })),
        ),
        limit,
      ],
    );
    const lists = asks.map((): Notification[] => []);
    for (const { ask, ...row } of rows) lists[Number(ask)].push(toNotification(row));
    return lists;
  }

  /** Marks the audience's notifications read (those listed, or all); answers how many changed. */
  async markRead(memberId: string | null, ids: string[] | undefined, at: Date): Promise<number> {
    const result = await this.dataSource.query(
      `UPDATE notifications SET read_at = $3 WHERE member_id IS NOT DISTINCT FROM $1 AND read_at IS NULL
         AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[])) RETURNING id`,
      [memberId, ids ?? null, at],
    );
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
    return (rows as unknown[]).length;
  }
}

function toNotification(row: Record<string, unknown>): Notification {
  return {
    ...(row as unknown as Notification),
    createdAt: new Date(row.createdAt as string).toISOString(),
    readAt: row.readAt ? new Date(row.readAt as string).toISOString() : null,
  };
}
