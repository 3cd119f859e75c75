import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { invalidInput } from '../../http/api-errors';
import { noteAuditedEntityId } from '../audit/audit-context';
import type { FieldError } from '../../http/field-errors';
import { MembersService } from '../../members';
import type { AuthenticationResult } from '../authentication/authenticator';
import type { Role } from '../roles';
import { ApiToken } from './api-token.entity';
import { generateTokenSecret, hashTokenSecret, tokenHint } from './token-secret';
import { statusOf, toTokenView, type TokenView } from './token-view';

export interface NewToken {
  label: string;
  role: Role;
  memberId?: string;
  expiresAt?: string;
}

/** A created token: the only time its secret is ever returned. */
export interface IssuedToken extends TokenView {
  secret: string;
}

/**
 * How long a verified token is remembered, sparing a query on every request. A revocation takes
 * effect at once on the API process that made it and within this time on the others.
 */
const VERIFIED_TOKEN_TTL_MS = 5_000;
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

@Injectable()
export class TokensService {
  private readonly verified = new Map<string, { result: AuthenticationResult; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
  ) {}

  async create(input: NewToken, createdBy: string | null): Promise<IssuedToken> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkNewToken(manager, input);
      const secret = generateTokenSecret();
      const id = randomUUID();
      noteAuditedEntityId(id);
      const token = manager.create(ApiToken, {
        id,
        label: input.label,
        role: input.role,
        memberId: input.memberId ?? null,
        secretHash: hashTokenSecret(secret),
        hint: tokenHint(secret),
        createdBy,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        revokedAt: null,
      });
      const saved = await manager.save(token);
      return { ...toTokenView(saved), secret };
    });
  }

  async list(): Promise<TokenView[]> {
    const tokens = await this.dataSource.manager.find(ApiToken, { order: { createdAt: 'ASC', id: 'ASC' } });
    return tokens.map(toTokenView);
  }

  async count(): Promise<number> {
    return this.dataSource.manager.count(ApiToken);
  }

  /** Revoking is final and idempotent; the token's record is kept for the audit log. */
  async revoke(id: string): Promise<TokenView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(ApiToken, { id });
      if (!token) throw new NotFoundException({ message: `token "${id}" not found` });
      if (!token.revokedAt) {
        token.revokedAt = new Date();
        await manager.update(ApiToken, { id }, { revokedAt: token.revokedAt });
      }
      return token;
    });
    this.verified.clear();
    return toTokenView(revoked);
  }

  async verify(secret: string): Promise<AuthenticationResult> {
    // Remembered by the secret itself, held only in this process's memory: no hashing on every request.
    const now = Date.now();
    const cached = this.verified.get(secret);
    if (cached && cached.until > now) return cached.result;

    const token = await this.dataSource.manager.findOneBy(ApiToken, { secretHash: hashTokenSecret(secret) });
    const result: AuthenticationResult = !token
      ? { problem: 'unknown' }
      : statusOf(token) !== 'active'
        ? { problem: statusOf(token) as 'expired' | 'revoked' }
        : { principal: { id: token.id, method: 'api-token', role: token.role, memberId: token.memberId } };
    if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) this.verified.clear();
    // An expiring token is not remembered past its expiry.
    const until = Math.min(now + VERIFIED_TOKEN_TTL_MS, token?.expiresAt?.getTime() ?? Infinity);
    this.verified.set(secret, { result, until });
    return result;
  }

  private async checkNewToken(manager: EntityManager, input: NewToken): Promise<void> {
    const errors: FieldError[] = [];
    if (input.role === 'city_official' && !input.memberId) {
      errors.push({ field: 'memberId', message: 'memberId is required for a city_official token' });
    }
    if (input.role !== 'city_official' && input.memberId) {
      errors.push({ field: 'memberId', message: `a ${input.role} token is not bound to a member; leave memberId out` });
    }
    if (input.memberId && input.role === 'city_official' && !(await this.members.exists(input.memberId, manager))) {
      errors.push({ field: 'memberId', message: `member "${input.memberId}" not found` });
    }
    if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
      errors.push({ field: 'expiresAt', message: 'expiresAt must be in the future' });
    }
    if (errors.length > 0) throw invalidInput(errors.map((error) => error.message).join('; '), errors);
  }
}
