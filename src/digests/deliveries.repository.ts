import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  id: string;
  userId: string;
  week: string;
  status: DeliveryStatus;
  reason: string | null;
  subject: string | null;
  messageId: string | null;
  smtpResponse: string | null;
  attempts: number;
  suggestionIds: string[];
  suggestionScores: number[];
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryOutcome {
  status: Exclude<DeliveryStatus, 'queued'>;
  reason?: string | null;
  subject?: string | null;
  messageId?: string | null;
  smtpResponse?: string | null;
  suggestionIds?: string[];
  suggestionScores?: number[];
  /** A sent digest: the instant its news runs up to. */
  coveredUntil?: Date | null;
}

export interface EarlierDigests {
  /** Where the news of the user's latest sent digest (of another week) ended; null when none was sent. */
  coveredUntil: Date | null;
  /** The suggestions of its last sent digests before the week, newest first. */
  recentlyShown: Array<{ ids: string[]; scores: number[] }>;
}

/** The delivery log: one row per (user, ISO week). */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes each (user, week) for one attempt: creates its row, or takes a queued one whose last claim
   * has lapsed (a worker died). Answers the rows taken, by "userId:week"; one that is settled (sent,
   * skipped, failed) or held is not among them. Keys must be distinct.
   */
  async claimMany(keys: Array<{ userId: string; week: string }>, now: Date, leaseMs: number): Promise<Map<string, Delivery>> {
    const until = new Date(now.getTime() + leaseMs);
    const rows = await this.dataSource.query(
      `WITH claimed AS (
         INSERT INTO digest_deliveries (user_id, iso_week, status, attempts, claimed_until, created_at, updated_at)
         SELECT user_id, iso_week, 'queued', 1, $4, $3, $3 FROM unnest($1::uuid[], $2::text[]) AS wanted (user_id, iso_week)
         ON CONFLICT (user_id, iso_week) DO UPDATE
           SET attempts = digest_deliveries.attempts + 1, claimed_until = $4, updated_at = $3
           WHERE digest_deliveries.status = 'queued' AND (digest_deliveries.claimed_until IS NULL OR digest_deliveries.claimed_until < $3)
         RETURNING *)
       SELECT * FROM claimed`,
      [keys.map((key) => key.userId), keys.map((key) => key.week), now, until],
    );
    return new Map(rows.map((row: Record<string, unknown>) => [`${row.user_id}:${row.iso_week}`, toDelivery(row)]));
  }

  /** Counts one more SMTP attempt of a claimed row. */
  async noteAttempt(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE digest_deliveries SET attempts = attempts + 1, updated_at = $2 WHERE id = $1`, [id, now]);
  }

  /** Settles claimed rows, each with its outcome; answers them as settled, by id (one round trip for them all). */
  async settleMany(outcomes: Array<{ id: string; outcome: DeliveryOutcome }>, now: Date): Promise<Map<string, Delivery>> {
    const settled = outcomes.map(({ id, outcome }) => ({
      id,
      status: outcome.status,
      reason: outcome.reason ?? null,
      subject: outcome.subject ?? null,
      message_id: outcome.messageId ?? null,
      smtp_response: outcome.smtpResponse ?? null,
      suggestion_ids: outcome.suggestionIds ?? [],
      suggestion_scores: outcome.suggestionScores ?? [],
      covered_until: outcome.coveredUntil?.toISOString() ?? null,
    }));
    // Inside a WITH, so that both stacks answer the rows alone (a bare UPDATE answers [rows, affected]).
    const rows = await this.dataSource.query(
      `WITH settled AS (
         UPDATE digest_deliveries d SET status = o.status, reason = o.reason, subject = o.subject, message_id = o.message_id,
           smtp_response = o.smtp_response, suggestion_ids = o.suggestion_ids, suggestion_scores = o.suggestion_scores,
           covered_until = o.covered_until, claimed_until = NULL, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS o (id bigint, status text, reason text, subject text, message_id text, smtp_response text,
           suggestion_ids text[], suggestion_scores double precision[], covered_until timestamptz)
         WHERE d.id = o.id RETURNING d.*)
       SELECT * FROM settled`,
      [JSON.stringify(settled), now],
    );
    return new Map(rows.map((row: Record<string, unknown>) => [String(row.id), toDelivery(row)]));
  }

  /** Records a week as skipped for this user without trying (missed send time), unless a row exists. */
  async skipIfAbsent(userId: string, week: string, reason: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO digest_deliveries (user_id, iso_week, status, reason, created_at, updated_at) VALUES ($1, $2, 'skipped', $3, $4, $4)
       ON CONFLICT (user_id, iso_week) DO NOTHING`,
      [userId, week, reason, now],
    );
  }

  /** (user, week) pairs that need no job, as "userId:week": settled, or queued under a claim that has not lapsed. */
  async settledOrHeld(userIds: string[], weeks: string[], now: Date): Promise<Set<string>> {
    const rows: Array<{ user_id: string; iso_week: string }> = await this.dataSource.query(
      `SELECT user_id, iso_week FROM digest_deliveries
       WHERE user_id = ANY($1::uuid[]) AND iso_week = ANY($2) AND (status <> 'queued' OR claimed_until > $3)`,
      [userIds, weeks, now],
    );
    return new Set(rows.map((row) => `${row.user_id}:${row.iso_week}`));
  }

  /**
   * What each user's earlier digests told, in one read for them all, in the order asked: where the news of its latest
   * sent digest of another week ended (null when none), and the suggestions of its last `count` sent
   * digests before `week`, newest first (for the "not again" rule).
   */
  async earlierDigestsOf(userIds: string[], week: string, count: number): Promise<EarlierDigests[]> {
    const rows: Array<{ covered_until: string | null; shown: Array<{ ids: string[]; scores: number[] }> }> = await this.dataSource.query(
      `SELECT
             (SELECT max(covered_until) FROM digest_deliveries WHERE user_id = u.user_id AND iso_week <> $2 AND status = 'sent') AS covered_until,
             (SELECT coalesce(json_agg(json_build_object('ids', suggestion_ids, 'scores', suggestion_scores) ORDER BY iso_week DESC), '[]')
                FROM (SELECT iso_week, suggestion_ids, suggestion_scores FROM digest_deliveries
                      WHERE user_id = u.user_id AND iso_week < $2 AND status = 'sent' ORDER BY iso_week DESC LIMIT $3) AS recent) AS shown
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u (user_id, n) ORDER BY u.n`,
      [userIds, week, count],
    );
    return rows.map((row) => ({
      coveredUntil: row.covered_until ? new Date(row.covered_until) : null,
      recentlyShown: row.shown.map((digest) => ({ ids: digest.ids, scores: digest.scores.map(Number) })),
    }));
  }

  async get(userId: string, week: string): Promise<Delivery | null> {
    const rows = await this.dataSource.query(`SELECT * FROM digest_deliveries WHERE user_id = $1 AND iso_week = $2`, [userId, week]);
    return rows.length ? toDelivery(rows[0]) : null;
  }

  async list(filter: { week?: string; status?: DeliveryStatus; userId?: string; limit: number; offset: number }): Promise<Delivery[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    for (const [column, value] of [
      ['iso_week', filter.week],
      ['status', filter.status],
      ['user_id', filter.userId],
    ] as const) {
      if (value === undefined) continue;
      values.push(value);
      conditions.push(`${column} = $${values.length}`);
    }
    values.push(filter.limit, filter.offset);
    const rows = await this.dataSource.query(
      `SELECT * FROM digest_deliveries ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY iso_week DESC, id LIMIT $${values.length - 1} OFFSET $${values.length}`,
      values,
    );
    return rows.map(toDelivery);
  }

  /** Per week: recipients, sent, skipped by reason, failed. */
  async runs(limit: number): Promise<Array<{ week: string; status: DeliveryStatus; reason: string | null; count: number }>> {
    return this.dataSource.query(
      `SELECT iso_week AS week, status, reason, count(*)::int AS count FROM digest_deliveries
       WHERE iso_week IN (SELECT DISTINCT iso_week FROM digest_deliveries ORDER BY iso_week DESC LIMIT $1)
       GROUP BY iso_week, status, reason ORDER BY iso_week DESC, status, reason`,
      [limit],
    );
  }
}

function toDelivery(row: Record<string, unknown>): Delivery {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    week: String(row.iso_week),
    status: row.status as DeliveryStatus,
    reason: (row.reason as string | null) ?? null,
    subject: (row.subject as string | null) ?? null,
    messageId: (row.message_id as string | null) ?? null,
    smtpResponse: (row.smtp_response as string | null) ?? null,
    attempts: Number(row.attempts),
    suggestionIds: (row.suggestion_ids as string[]) ?? [],
    suggestionScores: ((row.suggestion_scores as number[]) ?? []).map(Number),
    createdAt: new Date(row.created_at as string).toISOString(),
    updatedAt: new Date(row.updated_at as string).toISOString(),
  };
}
