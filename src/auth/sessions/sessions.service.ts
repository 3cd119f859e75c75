import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../../clock';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { AuthenticationResult } from '../authentication/authenticator';
import { hashSecret, newSecret, sameSecret } from './session-secrets';
import { type LiveSession, SessionsRepository } from './sessions.repository';

export interface OpenedSession {
  id: string;
  secret: string;
  csrf: string;
  expiresAt: Date;
}

/** A session as admins see it: never its secret. */
export interface SessionView {
  id: string;
  userId: string;
  email: string;
  role: string;
  memberId: string | null;
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
  clientAddress: string | null;
  userAgent: string | null;
}

/** Web sessions: opened by a sign-in link, proved by an httpOnly cookie, ended by sign-out or an admin. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  async open(userId: string, client: { address: string | null; userAgent: string | null }): Promise<OpenedSession> {
    const now = this.clock.now();
    const opened = { id: randomUUID(), secret: newSecret(), csrf: newSecret(), expiresAt: new Date(now.getTime() + this.lifetimeMs()) };
    await this.sessions.insert({
      id: opened.id,
      userId,
      secretHash: hashSecret(opened.secret),
      csrfHash: hashSecret(opened.csrf),
      createdAt: now,
      expiresAt: opened.expiresAt,
      clientAddress: client.address,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return opened;
  }

  /**
   * Who holds this session cookie. A write must also carry the CSRF token, matching both the
   * readable cookie and the session's own: a page on another site can send the cookie, not read it.
   */
  async authenticate(secret: string, csrf: { required: boolean; header?: string; cookie?: string }): Promise<AuthenticationResult> {
    const session = await this.sessions.bySecretHash(hashSecret(secret));
    if (!session || !this.isOpen(session)) return { problem: 'session' };
    if (csrf.required) {
      const { header, cookie } = csrf;
      if (!header || !cookie || !sameSecret(header, cookie) || !sameSecret(hashSecret(header), session.csrfHash))
        return { problem: 'csrf' };
    }
    return { principal: { id: session.id, method: 'session', role: session.role, memberId: session.memberId, userId: session.userId } };
  }

  async list(limit: number, offset: number): Promise<SessionView[]> {
    return (await this.sessions.listOpen(this.clock.now(), limit, offset)).map(toSessionView);
  }

  async end(id: string): Promise<SessionView> {
    const session = await this.sessions.end(id, this.clock.now());
    if (!session) throw new NotFoundException({ message: `session "${id}" not found` });
    return toSessionView(session);
  }

  /** Sign-out: ends the session of this cookie, if it is one. */
  async endBySecret(secret: string): Promise<string | null> {
    const session = await this.sessions.bySecretHash(hashSecret(secret));
    if (!session) return null;
    await this.sessions.end(session.id, this.clock.now());
    return session.id;
  }

  private isOpen(session: LiveSession): boolean {
    return session.endedAt === null && session.expiresAt.getTime() > this.clock.now().getTime() && session.userStatus === 'active';
  }

  private lifetimeMs(): number {
    return this.config.signIn.sessionHours * 3_600_000;
  }
}

function toSessionView(session: LiveSession): SessionView {
  return {
    id: session.id,
    userId: session.userId,
    email: session.email,
    role: session.role,
    memberId: session.memberId,
    createdAt: session.createdAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    clientAddress: session.clientAddress,
    userAgent: session.userAgent,
  };
}
