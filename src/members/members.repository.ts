import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlRepository } from '../database/sql-repository';
import { ListMembersQuery } from './dto/list-members.query';
import { UPSERT_MEMBERS_SQL } from './import/upsert-members.sql';
import { Member } from './member.entity';

/** All SQL on the members and dismissal_notes tables (profiles for scoring: MemberProfilesReader). */
@Injectable()
export class MembersRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource.manager);
  }

  findById(id: string): Promise<Member | null> {
    return this.manager.findOneBy(Member, { id });
  }

  /** The member, locked until the transaction ends: read, decide, save without losing a concurrent write. */
  lockById(id: string): Promise<Member | null> {
    return this.manager.findOne(Member, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  exists(id: string): Promise<boolean> {
    return this.manager.existsBy(Member, { id });
  }

  /** Which of `ids` exist (every member's id when `ids` is omitted). */
  async existingIds(ids?: readonly string[]): Promise<Set<string>> {
    if (ids?.length === 0) return new Set();
    const rows: Array<{ id: string }> = ids
      ? await this.manager.query('SELECT id FROM members WHERE id = ANY($1)', [ids])
      : await this.manager.query('SELECT id FROM members');
    return new Set(rows.map((row) => row.id));
  }

  async count(): Promise<number> {
    const [{ count }] = await this.manager.query('SELECT count(*)::int AS count FROM members');
    return count;
  }

  list(query: ListMembersQuery): Promise<[Member[], number]> {
    const builder = this.manager.createQueryBuilder(Member, 'm');
    if (query.country) builder.andWhere('m.country = :country', { country: query.country });
    if (query.subregion) builder.andWhere('m.subregion = :subregion', { subregion: query.subregion });
    if (query.status) builder.andWhere('m.status = :status', { status: query.status });
    if (query.needs) builder.andWhere('(m.needs -> :needs) IS NOT NULL', { needs: query.needs });
    if (query.offers) builder.andWhere('(m.offers -> :offers) IS NOT NULL', { offers: query.offers });
    // unaccent on both sides: "raniganj" finds "Rānīganj" (ILIKE already ignores case).
    if (query.q) builder.andWhere('unaccent(m.name) ILIKE unaccent(:q)', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return builder.orderBy('m.name', 'ASC').addOrderBy('m.id', 'ASC').take(query.limit).skip(query.offset).getManyAndCount();
  }

  /** Every member in id order. */
  all(): Promise<Member[]> {
    return this.manager.find(Member, { order: { id: 'ASC' } });
  }

  create(fields: Partial<Member>): Member {
    return this.manager.create(Member, fields);
  }

  save(member: Member): Promise<Member> {
    return this.manager.save(member);
  }

  /** Inserts or updates a batch of import rows; answers the rows that changed. */
  upsert(batch: readonly object[]): Promise<Array<{ id: string; created: boolean }>> {
    if (batch.length === 0) return Promise.resolve([]);
    return this.manager.query(UPSERT_MEMBERS_SQL, [JSON.stringify(batch)]);
  }

  /** A new row version without a change: readers keyed on row versions read these members again. */
  async touch(ids: readonly string[]): Promise<void> {
    await this.manager.query('UPDATE members SET partners = partners WHERE id = ANY($1)', [ids]);
  }

  async keepDismissalNote(memberId: string, candidateId: string, reason: string | null): Promise<void> {
    await this.manager.query(
      `INSERT INTO dismissal_notes (member_id, candidate_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (member_id, candidate_id) DO UPDATE SET reason = EXCLUDED.reason`,
      [memberId, candidateId, reason],
    );
  }

  async deleteDismissalNote(memberId: string, candidateId: string): Promise<void> {
    await this.manager.query('DELETE FROM dismissal_notes WHERE member_id = $1 AND candidate_id = $2', [memberId, candidateId]);
  }
}
