import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Stage } from './partnership-stages';
import type { Activity, Milestone, PartnershipRecord, StageChange } from './partnership.types';

/** An instant as JavaScript's toISOString writes it (milliseconds, truncated), so rows need no Date on the way out. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The columns of a partnership, named as PartnershipRecord names them. */
export const PARTNERSHIP_COLUMNS = `p.id, p.member_a AS "memberA", p.member_b AS "memberB", p.kind, p.themes, p.stage, p.origin,
  p.score, p.explanation, p.owner, p.next_step AS "nextStep", p.next_step_due::text AS "nextStepDue", p.agreement,
  p.decline_reason AS "declineReason", p.end_reason AS "endReason", p.ended_on::text AS "endedOn", p.synthetic,
  ${iso('p.opened_at')} AS "openedAt", ${iso('p.stage_changed_at')} AS "stageChangedAt", p.last_activity_on::text AS "lastActivityOn",
  ${iso('p.updated_at')} AS "updatedAt", p.version`;

/** A row of PARTNERSHIP_COLUMNS as a record, field by field (other columns of the row are left out). */
export function toPartnershipRecord(row: Record<string, unknown>): PartnershipRecord {
  const r = row as unknown as PartnershipRecord;
  return {
    id: r.id,
    memberA: r.memberA,
    memberB: r.memberB,
    kind: r.kind,
    themes: r.themes,
    stage: r.stage,
    origin: r.origin,
    score: r.score === null ? null : Number(r.score),
    explanation: r.explanation,
    owner: r.owner,
    nextStep: r.nextStep,
    nextStepDue: r.nextStepDue,
    agreement: r.agreement,
    declineReason: r.declineReason,
    endReason: r.endReason,
    endedOn: r.endedOn,
    synthetic: r.synthetic,
    openedAt: r.openedAt,
    stageChangedAt: r.stageChangedAt,
    lastActivityOn: r.lastActivityOn,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]; an INSERT or SELECT with rows. */
export function returnedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/**
 * Partnerships, their stage history, milestones and activities: all their SQL lives here. Methods
 * query through the data source unless `within(manager)` hands them a transaction's manager.
 */
@Injectable()
export class PartnershipsRepository {
  private transaction?: EntityManager;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The same repository, querying inside the transaction of `manager`. */
  within(manager: EntityManager): PartnershipsRepository {
    return Object.assign(Object.create(PartnershipsRepository.prototype) as PartnershipsRepository, this, { transaction: manager });
  }

  private get manager(): EntityManager {
    return this.transaction ?? this.dataSource.manager;
  }

  async byId(id: string, forUpdate = false): Promise<PartnershipRecord | undefined> {
    const rows = await this.manager.query(
      `SELECT ${PARTNERSHIP_COLUMNS} FROM partnerships p WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] && toPartnershipRecord(rows[0]);
  }

  async openForPair(a: string, b: string): Promise<PartnershipRecord | undefined> {
    const rows = await this.manager.query(
      `SELECT ${PARTNERSHIP_COLUMNS} FROM partnerships p WHERE p.member_a = $1 AND p.member_b = $2 AND p.stage NOT IN ('declined', 'ended')`,
      [a, b],
    );
    return rows[0] && toPartnershipRecord(rows[0]);
  }

  async insert(p: PartnershipRecord): Promise<void> {
    await this.manager.query(
      `INSERT INTO partnerships (id, member_a, member_b, kind, themes, stage, origin, score, explanation, owner, next_step,
         next_step_due, agreement, synthetic, opened_at, stage_changed_at, last_activity_on, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1)`,
      [
        p.id,
        p.memberA,
        p.memberB,
        p.kind,
        p.themes,
        p.stage,
        p.origin,
        p.score,
        p.explanation === null ? null : JSON.stringify(p.explanation),
        p.owner,
        p.nextStep,
        p.nextStepDue,
        p.agreement && JSON.stringify(p.agreement),
        p.synthetic,
        p.openedAt,
        p.stageChangedAt,
        p.lastActivityOn,
        p.updatedAt,
      ],
    );
  }

  /** Writes the changeable fields and bumps the version; the caller holds the row lock. */
  async update(p: PartnershipRecord): Promise<PartnershipRecord> {
    const rows = returnedRows<Record<string, unknown>>(
      await this.manager.query(
        `UPDATE partnerships p SET kind = $2, themes = $3, stage = $4, owner = $5, next_step = $6, next_step_due = $7, agreement = $8,
           decline_reason = $9, end_reason = $10, ended_on = $11, stage_changed_at = $12, last_activity_on = $13, updated_at = $14,
           version = p.version + 1
         WHERE p.id = $1 RETURNING ${PARTNERSHIP_COLUMNS}`,
        [
          p.id,
          p.kind,
          p.themes,
          p.stage,
          p.owner,
          p.nextStep,
          p.nextStepDue,
          p.agreement && JSON.stringify(p.agreement),
          p.declineReason,
          p.endReason,
          p.endedOn,
          p.stageChangedAt,
          p.lastActivityOn,
          p.updatedAt,
        ],
      ),
    );
    return toPartnershipRecord(rows[0]);
  }

  async addStageChange(partnershipId: string, change: StageChange): Promise<void> {
    await this.manager.query(
      `INSERT INTO partnership_stage_changes (partnership_id, from_stage, to_stage, at, by, note, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [partnershipId, change.from, change.to, change.at, change.by, change.note, change.reason],
    );
  }

  async history(partnershipId: string): Promise<StageChange[]> {
    const rows: Array<StageChange & { at: Date | string }> = await this.manager.query(
      `SELECT from_stage AS "from", to_stage AS "to", at, by, note, reason FROM partnership_stage_changes
       WHERE partnership_id = $1 ORDER BY at, id`,
      [partnershipId],
    );
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }

  async milestones(partnershipId: string): Promise<Milestone[]> {
    return this.manager.query(
      `SELECT id, title, due_on::text AS "dueOn", done_on::text AS "doneOn", responsible, version FROM partnership_milestones
       WHERE partnership_id = $1 ORDER BY due_on, id`,
      [partnershipId],
    );
  }

  async milestone(partnershipId: string, id: string, forUpdate = false): Promise<Milestone | undefined> {
    const rows = await this.manager.query(
      `SELECT id, title, due_on::text AS "dueOn", done_on::text AS "doneOn", responsible, version FROM partnership_milestones
       WHERE partnership_id = $1 AND id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [partnershipId, id],
    );
    return rows[0];
  }

  async insertMilestone(partnershipId: string, m: Milestone): Promise<void> {
    await this.manager.query(
      `INSERT INTO partnership_milestones (id, partnership_id, title, due_on, done_on, responsible, version) VALUES ($1, $2, $3, $4, $5, $6, 1)`,
      [m.id, partnershipId, m.title, m.dueOn, m.doneOn, m.responsible],
    );
  }

  async updateMilestone(m: Milestone): Promise<Milestone> {
    const rows = returnedRows<Milestone>(
      await this.manager.query(
        `UPDATE partnership_milestones SET title = $2, due_on = $3, done_on = $4, responsible = $5, version = version + 1 WHERE id = $1
         RETURNING id, title, due_on::text AS "dueOn", done_on::text AS "doneOn", responsible, version`,
        [m.id, m.title, m.dueOn, m.doneOn, m.responsible],
      ),
    );
    return rows[0];
  }

  async activities(partnershipId: string): Promise<Activity[]> {
    const rows: Array<Activity & { loggedAt: Date | string }> = await this.manager.query(
      `SELECT id, occurred_on::text AS "occurredOn", kind, summary, participants, logged_at AS "loggedAt", logged_by AS "loggedBy"
       FROM partnership_activities WHERE partnership_id = $1 ORDER BY occurred_on, logged_at`,
      [partnershipId],
    );
    return rows.map((row) => ({ ...row, loggedAt: new Date(row.loggedAt).toISOString() }));
  }

  async insertActivity(partnershipId: string, a: Activity): Promise<void> {
    await this.manager.query(
      `INSERT INTO partnership_activities (id, partnership_id, occurred_on, kind, summary, participants, logged_at, logged_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.id, partnershipId, a.occurredOn, a.kind, a.summary, a.participants, a.loggedAt, a.loggedBy],
    );
  }

  /** Whether the pair has an ended partnership (the pipeline keeps such pairs out of suggestions until one is reopened). */
  async hasEnded(a: string, b: string): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM partnerships WHERE member_a = $1 AND member_b = $2 AND stage = 'ended' LIMIT 1`, [
      a,
      b,
    ]);
    return rows.length > 0;
  }

  /**
   * Each listed pair's partnership, keyed "a|b" (a < b): its open one, else its latest; pairs without one are absent.
   * One query for a whole page of pairs.
   */
  async currentOfPairs(pairs: Array<[string, string]>): Promise<Map<string, { id: string; stage: Stage }>> {
    if (pairs.length === 0) return new Map();
    const rows: Array<{ a: string; b: string; id: string; stage: Stage }> = await this.manager.query(
      `SELECT DISTINCT ON (p.member_a, p.member_b) p.member_a AS a, p.member_b AS b, p.id, p.stage
       FROM partnerships p JOIN unnest($1::text[], $2::text[]) AS q(a, b) ON p.member_a = q.a AND p.member_b = q.b
       ORDER BY p.member_a, p.member_b, p.stage IN ('declined', 'ended'), p.opened_at DESC`,
      [pairs.map(([a]) => a), pairs.map(([, b]) => b)],
    );
    return new Map(rows.map((row) => [`${row.a}|${row.b}`, { id: row.id, stage: row.stage }]));
  }

  /** currentOfPairs for every pair that has a partnership, keyed "a|b" with a < b. */
  async currentOfEveryPair(): Promise<Map<string, { id: string; stage: Stage }>> {
    const rows: Array<{ a: string; b: string; id: string; stage: Stage }> = await this.manager.query(
      `SELECT DISTINCT ON (p.member_a, p.member_b) p.member_a AS a, p.member_b AS b, p.id, p.stage
       FROM partnerships p ORDER BY p.member_a, p.member_b, p.stage IN ('declined', 'ended'), p.opened_at DESC`,
    );
    return new Map(rows.map((row) => [`${row.a}|${row.b}`, { id: row.id, stage: row.stage }]));
  }

  /** Pairs that are partners through a partnership, for deriving the `partners` of exported members. */
  async partnerPairs(stages: readonly Stage[]): Promise<Array<{ a: string; b: string }>> {
    return this.manager.query(`SELECT member_a AS a, member_b AS b FROM partnerships WHERE stage = ANY($1)`, [stages]);
  }
}
