import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface Interest {
  memberId: string;
  candidateId: string;
  themes: string[];
  message: string | null;
  createdAt: string;
  /** Whether the candidate is interested in the member too. */
  mutual: boolean;
}

const COLUMNS = `i.member_id AS "memberId", i.candidate_id AS "candidateId", i.themes, i.message, i.created_at AS "createdAt",
  EXISTS (SELECT 1 FROM interests r WHERE r.member_id = i.candidate_id AND r.candidate_id = i.member_id) AS mutual`;

const toInterest = (row: Interest & { createdAt: Date | string }): Interest => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
});

/** The interests table's SQL. */
@Injectable()
export class InterestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises the writes of one pair, so two sides marking interest at once see each other. */
  async lockPair(manager: EntityManager, a: string, b: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`interest:${a}:${b}`]);
  }

  async upsert(manager: EntityManager, memberId: string, candidateId: string, themes: string[], message: string | null, at: Date) {
    await manager.query(
      `INSERT INTO interests (member_id, candidate_id, themes, message, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (member_id, candidate_id) DO UPDATE SET themes = excluded.themes, message = excluded.message`,
      [memberId, candidateId, themes, message, at],
    );
  }

  async get(manager: EntityManager, memberId: string, candidateId: string): Promise<Interest | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM interests i WHERE i.member_id = $1 AND i.candidate_id = $2`, [
      memberId,
      candidateId,
    ]);
    return rows[0] && toInterest(rows[0]);
  }

  async delete(memberId: string, candidateId: string): Promise<boolean> {
    const result = await this.dataSource.query(`DELETE FROM interests WHERE member_id = $1 AND candidate_id = $2 RETURNING 1`, [
      memberId,
      candidateId,
    ]);
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
    return (rows as unknown[]).length > 0;
  }

  /** What a member sent, each marked mutual or not: never who is interested in it one-sidedly. */
  async sentBy(memberId: string): Promise<Interest[]> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM interests i WHERE i.member_id = $1 ORDER BY i.created_at DESC`, [
      memberId,
    ]);
    return rows.map(toInterest);
  }

  /** Every pair with interest marked, keyed "a|b" with a < b: 2 when both sides marked it, else 1. */
  async sidesByPair(): Promise<Map<string, 1 | 2>> {
    const rows: Array<{ a: string; b: string }> = await this.dataSource.query('SELECT member_id AS a, candidate_id AS b FROM interests');
    const sides = new Map<string, 1 | 2>();
    // Ordered here, not in SQL: the key's order is the plain string order pairs are listed in, whatever the collation.
    for (const { a, b } of rows) {
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      sides.set(key, sides.has(key) ? 2 : 1);
    }
    return sides;
  }

  /** Every interest in the network (the secretariat's view), one-sided too. */
  async all(filter: { memberId?: string; mutual?: boolean; limit: number; offset: number }): Promise<Interest[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM (SELECT ${COLUMNS} FROM interests i WHERE ($1::text IS NULL OR $1 IN (i.member_id, i.candidate_id))) s
       WHERE ($2::boolean IS NULL OR s.mutual = $2) ORDER BY s."createdAt" DESC, s."memberId", s."candidateId" LIMIT $3 OFFSET $4`,
      [filter.memberId ?? null, filter.mutual ?? null, filter.limit, filter.offset],
    );
    return rows.map(toInterest);
  }
}
