import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sameSecret } from '../auth/sessions/session-secrets';

const KEY_NAME = 'digest-unsubscribe';

/**
 * Signed unsubscribe tokens: the user id and an HMAC of it, so the public endpoint needs no login and
 * no stored token. The key is made once per installation and kept in the database (every process
 * and every restart signs alike).
 */
@Injectable()
export class UnsubscribeTokens {
  private key?: Promise<Buffer>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sign(userId: string): Promise<string> {
    return `${Buffer.from(userId).toString('base64url')}.${await this.mac(userId)}`;
  }

  /** The user id a token was signed for, or null for anything forged or mangled. */
  async verify(token: string): Promise<string | null> {
    const [encoded, mac] = token.split('.');
    if (!encoded || !mac) return null;
    const userId = Buffer.from(encoded, 'base64url').toString('utf8');
    if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
    return sameSecret(mac, await this.mac(userId)) ? userId : null;
  }

  private async mac(userId: string): Promise<string> {
    return createHmac('sha256', await this.loadKey())
      .update(`unsubscribe:${userId}`)
      .digest('base64url');
  }

  private loadKey(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.dataSource.query(`INSERT INTO signing_keys (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
        KEY_NAME,
        randomBytes(32).toString('base64url'),
      ]);
      const [{ secret }] = await this.dataSource.query(`SELECT secret FROM signing_keys WHERE name = $1`, [KEY_NAME]);
      return Buffer.from(secret, 'base64url');
    })();
    return this.key;
  }
}
