import type { MatchProfile } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlRepository } from '../database/sql-repository';
import { PROFILE_COLUMNS, SUGGESTIBLE_MEMBERS } from './scored-fields';

/** A profile with the version of its row (`xmin`, new with every write to the row). */
export type VersionedProfile = MatchProfile & { version: string };

/** Members as the matching library reads them: the one reader of member profiles. */
@Injectable()
export class MemberProfilesReader extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource.manager);
  }

  /** Every active member open to partnerships, in id order so that indices are stable. */
  active(): Promise<MatchProfile[]> {
    return this.manager.query(`SELECT ${PROFILE_COLUMNS} FROM members WHERE ${SUGGESTIBLE_MEMBERS} ORDER BY id`);
  }

  /** Every member, active or not, by id. */
  async all(): Promise<Map<string, MatchProfile>> {
    const rows: MatchProfile[] = await this.manager.query(`SELECT ${PROFILE_COLUMNS} FROM members`);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async one(id: string): Promise<MatchProfile | undefined> {
    const [profile] = await this.of([id]);
    return profile;
  }

  of(ids: readonly string[]): Promise<MatchProfile[]> {
    return this.manager.query(`SELECT ${PROFILE_COLUMNS} FROM members WHERE id = ANY($1)`, [ids]);
  }

  /** The row version of every active member open to partnerships. */
  activeVersions(): Promise<Array<{ id: string; version: string }>> {
    return this.manager.query(`SELECT id, xmin::text AS version FROM members WHERE ${SUGGESTIBLE_MEMBERS}`);
  }

  /** Each profile with the version it was read at: a row written in between is simply read again next time. */
  versionedOf(ids: readonly string[]): Promise<VersionedProfile[]> {
    return this.manager.query(`SELECT ${PROFILE_COLUMNS}, xmin::text AS version FROM members WHERE id = ANY($1)`, [ids]);
  }
}
