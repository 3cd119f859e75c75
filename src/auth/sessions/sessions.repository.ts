import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SessionRow {
  id: string;
  userId: string;
  csrfHash: string;
  createdAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  clientAddress: string | null;
  userAgent: string | null;
}

export interface LiveSession extends SessionRow {
  role: 'secretariat' | 'city_official';
  memberId: string | null;
  userStatus: string;
  email: string;
}

const SELECT_SESSION = `
  SELECT s.*, u.role, u.member_id, u.status AS user_status, u.email
  FROM sessions s JOIN users u ON u.id = s.user_id`;

/** Every read and write of the sessions table. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(session: Omit<SessionRow, 'endedAt'> & { secretHash: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sessions (id, user_id, secret_hash, csrf_hash, created_at, expires_at, client_address, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        session.id,
        session.userId,
        session.secretHash,
        session.csrfHash,
        session.createdAt,
        session.expiresAt,
        session.clientAddress,
        session.userAgent,
      ],
    );
  }

  async bySecretHash(secretHash: string): Promise<LiveSession | null> {
    const rows = await this.dataSource.query(`${SELECT_SESSION} WHERE s.secret_hash = $1`, [secretHash]);
    return rows.length ? toLiveSession(rows[0]) : null;
  }

  /** Sessions that have not ended nor expired at `now`, newest first. */
  async listOpen(now: Date, limit: number, offset: number): Promise<LiveSession[]> {
    const rows = await this.dataSource.query(
      `${SELECT_SESSION} WHERE s.ended_at IS NULL AND s.expires_at > $1 ORDER BY s.created_at DESC, s.id LIMIT $2 OFFSET $3`,
      [now, limit, offset],
    );
    return rows.map(toLiveSession);
  }

  /** Ends the session; false when there is no such session. Ending twice keeps the first time. */
  async end(id: string, now: Date): Promise<LiveSession | null> {
    const rows = await this.dataSource.query(
      `WITH ended AS (UPDATE sessions SET ended_at = coalesce(ended_at, $2) WHERE id = $1 RETURNING *)
       SELECT s.*, u.role, u.member_id, u.status AS user_status, u.email FROM ended s JOIN users u ON u.id = s.user_id`,
      [id, now],
    );
    return rows.length ? toLiveSession(rows[0]) : null;
  }
}

function toLiveSession(row: Record<string, unknown>): LiveSession {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    csrfHash: String(row.csrf_hash),
    createdAt: new Date(row.created_at as string),
    expiresAt: new Date(row.expires_at as string),
    endedAt: row.ended_at ? new Date(row.ended_at as string) : null,
    clientAddress: (row.client_address as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    role: row.role as LiveSession['role'],
    memberId: (row.member_id as string | null) ?? null,
    userStatus: String(row.user_status),
    email: String(row.email),
  };
}
