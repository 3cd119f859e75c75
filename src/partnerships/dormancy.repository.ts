import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { dayOf } from './partnership-view';

/** Why an implementing partnership goes dormant, in the order they are checked. */
export type DormancyReason = 'no-activity' | 'milestone-overdue' | 'term-ended';

export interface DormancyRules {
  asOf: Date;
  dormantAfterDays: number;
}

const MILESTONE_GRACE_DAYS = 90;
const MILESTONE_NOTICE_DAYS = 30;

/** The dormancy rules as SQL over one partnership `p`, as of $1 (a date) with $2 days of quiet allowed. */
const REASON_SQL = `CASE
    WHEN greatest(p.last_activity_on, p.stage_changed_at::date, (p.agreement ->> 'signedOn')::date) < $1::date - $2::int THEN 'no-activity'
    WHEN EXISTS (SELECT 1 FROM partnership_milestones m WHERE m.partnership_id = p.id AND m.done_on IS NULL
                 AND m.due_on < $1::date - ${MILESTONE_GRACE_DAYS}) THEN 'milestone-overdue'
    WHEN (p.agreement ->> 'termEndsOn')::date < $1::date THEN 'term-ended'
  END`;

/** The dormancy job's SQL: which partnerships to look at, and why one should go dormant. */
@Injectable()
export class DormancyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Implementing partnerships that go dormant, and open ones with a milestone due within 30 days. */
  async toCheck(rules: DormancyRules): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT p.id FROM partnerships p
       WHERE (p.stage = 'implementing' AND ${REASON_SQL} IS NOT NULL)
          OR (p.stage IN ('agreement', 'implementing') AND EXISTS (SELECT 1 FROM partnership_milestones m WHERE m.partnership_id = p.id
              AND m.done_on IS NULL AND m.due_on BETWEEN $1::date AND $1::date + ${MILESTONE_NOTICE_DAYS}))
       ORDER BY p.id`,
      [dayOf(rules.asOf), rules.dormantAfterDays],
    );
    return rows.map((row) => row.id);
  }

  async reason(manager: EntityManager, id: string, rules: DormancyRules): Promise<DormancyReason | null> {
    const [row] = await manager.query(`SELECT ${REASON_SQL} AS reason FROM partnerships p WHERE p.id = $3`, [
      dayOf(rules.asOf),
      rules.dormantAfterDays,
      id,
    ]);
    return row?.reason ?? null;
  }

  async milestonesDue(manager: EntityManager, id: string, asOf: Date): Promise<Array<{ id: string; title: string; dueOn: string }>> {
    return manager.query(
      `SELECT id, title, due_on::text AS "dueOn" FROM partnership_milestones
       WHERE partnership_id = $1 AND done_on IS NULL AND due_on BETWEEN $2::date AND $2::date + ${MILESTONE_NOTICE_DAYS}`,
      [id, dayOf(asOf)],
    );
  }
}
