import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Every read and write of the sign_in_links table; only a hash of each link's token is kept. */
@Injectable()
export class SignInLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(link: { id: string; userId: string; tokenHash: string; createdAt: Date; expiresAt: Date; clientAddress: string | null }) {
    await this.dataSource.query(
      `INSERT INTO sign_in_links (id, user_id, token_hash, created_at, expires_at, client_address) VALUES ($1, $2, $3, $4, $5, $6)`,
      [link.id, link.userId, link.tokenHash, link.createdAt, link.expiresAt, link.clientAddress],
    );
  }

  /** Uses the link if it is unused and unexpired, in one statement: two tabs racing get one session. */
  async redeem(tokenHash: string, now: Date): Promise<string | null> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `WITH used AS (
         UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id)
       SELECT user_id FROM used`,
      [tokenHash, now],
    );
    return rows[0]?.user_id ?? null;
  }
}
