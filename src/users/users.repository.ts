import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { FALLBACK_TIME_ZONE, memberTimeZone } from './time-zones';
import type { UserRole, UserRow, UserStatus } from './user-view';

export interface UserFilter {
  memberId?: string;
  role?: UserRole;
  status?: UserStatus;
  q?: string;
  limit: number;
  offset: number;
}

/** The fields a write sets; the repository leaves the others as they are. */
export interface UserFields {
  email?: string;
  name?: string;
  role?: UserRole;
  memberId?: string | null;
  digestEnabled?: boolean;
  digestWeekday?: number;
  digestHour?: number;
  timeZone?: string | null;
  status?: UserStatus;
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  memberId: string | null;
  memberContact?: boolean;
  digestEnabled?: boolean;
  digestWeekday?: number;
  digestHour?: number;
  timeZone?: string | null;
  synthetic?: boolean;
}

const COLUMNS: Record<keyof UserFields, string> = {
  email: 'email',
  name: 'name',
  role: 'role',
  memberId: 'member_id',
  digestEnabled: 'digest_enabled',
  digestWeekday: 'digest_weekday',
  digestHour: 'digest_hour',
  timeZone: 'time_zone',
  status: 'status',
};

const SELECT_USERS = `
  SELECT u.*, m.name AS member_name, m.country AS member_country, m.lat AS member_lat, m.lon AS member_lon
  FROM users u LEFT JOIN members m ON m.id = u.member_id`;

/** Every read and write of the users table. Methods take the transaction's manager where one is open. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const rows = await manager.query(`${SELECT_USERS} WHERE u.id = $1`, [id]);
    return rows.length ? toUserRow(rows[0]) : null;
  }

  /** Several users in one read, by id (lower-case, as PostgreSQL writes a uuid). */
  async findByIds(ids: string[]): Promise<Map<string, UserRow>> {
    const rows = await this.dataSource.query(`${SELECT_USERS} WHERE u.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row: Record<string, unknown>) => [String(row.id), toUserRow(row)]));
  }

  async findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const rows = await manager.query(`${SELECT_USERS} WHERE lower(u.email) = lower($1)`, [email]);
    return rows.length ? toUserRow(rows[0]) : null;
  }

  async list(filter: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      values.push(value);
      conditions.push(sql.replaceAll('?', `$${values.length}`));
    };
    if (filter.memberId) where('u.member_id = ?', filter.memberId);
    if (filter.role) where('u.role = ?', filter.role);
    if (filter.status) where('u.status = ?', filter.status);
    if (filter.q) where(`(u.name ILIKE ? OR u.email ILIKE ?)`, `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
    const whereSql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u ${whereSql}`, values);
    const rows = await this.dataSource.query(
      `${SELECT_USERS} ${whereSql} ORDER BY u.member_id NULLS FIRST, u.name, u.id LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, filter.limit, filter.offset],
    );
    return { rows: rows.map(toUserRow), total };
  }

  async insert(manager: EntityManager, users: NewUser[]): Promise<void> {
    if (users.length === 0) return;
    // One statement for any number of users (the demo data adds thousands).
    await manager.query(
      `INSERT INTO users (id, email, name, role, member_id, member_contact, digest_enabled, digest_weekday, digest_hour, time_zone, synthetic)
       SELECT id, email, name, role, member_id, coalesce(member_contact, false), coalesce(digest_enabled, true),
              coalesce(digest_weekday, 1), coalesce(digest_hour, 8), time_zone, coalesce(synthetic, false)
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, email text, name text, role text, member_id text, member_contact boolean,
            digest_enabled boolean, digest_weekday smallint, digest_hour smallint, time_zone text, synthetic boolean)`,
      [JSON.stringify(users.map(toInsertRow))],
    );
  }

  /** Applies `fields` if the row is still at `version`; null when it is not (or is gone). */
  async update(manager: EntityManager, id: string, version: number, fields: UserFields): Promise<UserRow | null> {
    const assignments: string[] = [];
    const values: unknown[] = [id, version];
    for (const [key, column] of Object.entries(COLUMNS) as Array<[keyof UserFields, string]>) {
      if (fields[key] === undefined) continue;
      values.push(fields[key]);
      assignments.push(`${column} = $${values.length}`);
    }
    const rows = await manager.query(
      `WITH changed AS (
         UPDATE users SET ${[...assignments, 'updated_at = now()', 'version = version + 1'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING *)
       SELECT u.*, m.name AS member_name, m.country AS member_country, m.lat AS member_lat, m.lon AS member_lon
       FROM changed u LEFT JOIN members m ON m.id = u.member_id`,
      values,
    );
    return rows.length ? toUserRow(rows[0]) : null;
  }

  /** Unsubscribing (or subscribing again): one field, with the version moved on like any change. */
  async setDigestEnabled(id: string, enabled: boolean): Promise<boolean> {
    const rows = await this.dataSource.query(
      `WITH changed AS (UPDATE users SET digest_enabled = $2, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING id)
       SELECT id FROM changed`,
      [id, enabled],
    );
    return rows.length > 0;
  }

  /** Every active user with what scheduling needs, a page at a time (by id). */
  async activePage(afterId: string | null, limit: number): Promise<UserRow[]> {
    const rows = await this.dataSource.query(
      `${SELECT_USERS} WHERE u.status = 'active' AND ($1::uuid IS NULL OR u.id > $1::uuid) ORDER BY u.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map(toUserRow);
  }

  async count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM users');
    return count;
  }

  /** The users whose address is one of these, by lower-cased address. */
  async byEmails(manager: EntityManager, emails: string[]): Promise<Map<string, UserRow>> {
    if (emails.length === 0) return new Map();
    const rows = await manager.query(`${SELECT_USERS} WHERE lower(u.email) = ANY($1)`, [emails.map((email) => email.toLowerCase())]);
    return new Map(rows.map((row: Record<string, unknown>) => [String(row.email).toLowerCase(), toUserRow(row)]));
  }

  /** Makes these users the recorded contacts of their members, and nobody else of those members. */
  async markContacts(manager: EntityManager, contacts: Array<{ userId: string; memberId: string; name: string | null }>): Promise<void> {
    if (contacts.length === 0) return;
    const payload = JSON.stringify(contacts.map((c) => ({ user_id: c.userId, member_id: c.memberId, name: c.name })));
    await manager.query(
      `UPDATE users u SET member_contact = false, updated_at = now(), version = u.version + 1
       FROM jsonb_to_recordset($1::jsonb) AS c(user_id uuid, member_id text, name text)
       WHERE u.member_id = c.member_id AND u.member_contact AND u.id <> c.user_id`,
      [payload],
    );
    await manager.query(
      `UPDATE users u SET member_contact = true, name = coalesce(c.name, u.name), updated_at = now(), version = u.version + 1
       FROM jsonb_to_recordset($1::jsonb) AS c(user_id uuid, member_id text, name text)
       WHERE u.id = c.user_id AND (NOT u.member_contact OR u.name IS DISTINCT FROM coalesce(c.name, u.name))`,
      [payload],
    );
  }

  /** These members have no contact any more: their former contact stays a user, without the mark. */
  async clearContacts(manager: EntityManager, memberIds: string[]): Promise<void> {
    if (memberIds.length === 0) return;
    await manager.query(
      `UPDATE users SET member_contact = false, updated_at = now(), version = version + 1 WHERE member_contact AND member_id = ANY($1)`,
      [memberIds],
    );
  }

  /** Each member's recorded contact, for the export. */
  async contactsByMember(): Promise<Map<string, { name: string; email: string }>> {
    const rows: Array<{ member_id: string; name: string; email: string }> = await this.dataSource.query(
      `SELECT member_id, name, email FROM users WHERE member_contact`,
    );
    return new Map(rows.map((row) => [row.member_id, { name: row.name, email: row.email }]));
  }
}

function toInsertRow(user: NewUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    member_id: user.memberId,
    member_contact: user.memberContact ?? false,
    digest_enabled: user.digestEnabled,
    digest_weekday: user.digestWeekday,
    digest_hour: user.digestHour,
    time_zone: user.timeZone ?? null,
    synthetic: user.synthetic ?? false,
  };
}

export function toUserRow(row: Record<string, unknown>): UserRow {
  const override = (row.time_zone as string | null) ?? null;
  const memberZone =
    row.member_country !== null && row.member_country !== undefined
      ? memberTimeZone(String(row.member_country), Number(row.member_lat), Number(row.member_lon))
      : null;
  return {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    role: row.role as UserRole,
    memberId: (row.member_id as string | null) ?? null,
    memberName: (row.member_name as string | null) ?? null,
    memberContact: Boolean(row.member_contact),
    digestEnabled: Boolean(row.digest_enabled),
    digestWeekday: Number(row.digest_weekday),
    digestHour: Number(row.digest_hour),
    timeZoneOverride: override,
    timeZone: override ?? memberZone ?? FALLBACK_TIME_ZONE,
    status: row.status as UserStatus,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
    version: Number(row.version),
  };
}
