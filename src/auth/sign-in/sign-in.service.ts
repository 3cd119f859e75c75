import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, HttpException, HttpStatus, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { Clock } from '../../clock';
import { APP_CONFIG, type AppConfig } from '../../config';
import { MailTransport } from '../../mail';
import { type UserRow, UsersService } from '../../users';
import { hashSecret, newSecret } from '../sessions/session-secrets';
import { type OpenedSession, SessionsService } from '../sessions/sessions.service';
import { signInMessage } from './sign-in-mail';
import { SignInLinksRepository } from './sign-in-links.repository';

/** How long a sign-in link works. */
export const LINK_VALID_MINUTES = 15;
const HOUR_MS = 3_600_000;

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

/**
 * Signing in by e-mail link: a link is asked for by address (the answer is the same whether or not
 * the address is known), works once within 15 minutes, and opens a session.
 */
@Injectable()
export class SignInService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SignInService.name);
  /** Messages still being sent; the request does not wait (its timing would tell known addresses apart). */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly counters: ThrottlerStorage,
    private readonly links: SignInLinksRepository,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly mail: MailTransport,
    private readonly clock: Clock,
  ) {}

  async requestLink(email: string, client: ClientInfo): Promise<void> {
    await this.limit('address', hashSecret(email.trim().toLowerCase()), this.config.signIn.linksPerAddressPerHour, 'email');
    if (client.address) await this.limit('client', client.address, this.config.signIn.linksPerClientPerHour, null);
    const user = await this.users.findByEmail(email.trim());
    if (!user || user.status !== 'active') return;
    const url = await this.issueLink(user, client.address);
    const sending = this.mail
      .send(signInMessage(user, url, LINK_VALID_MINUTES))
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`could not send a sign-in link to user ${user.id}: ${error.message}`))
      .finally(() => this.sending.delete(sending));
    this.sending.add(sending);
  }

  /** A fresh link for this user (also printed for the demo users on the first start). */
  async issueLink(user: Pick<UserRow, 'id'>, clientAddress: string | null): Promise<string> {
    const token = newSecret();
    const now = this.clock.now();
    await this.links.insert({
      id: randomUUID(),
      userId: user.id,
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_VALID_MINUTES * 60_000),
      clientAddress,
    });
    return `${this.config.publicUrl}/sign-in?token=${token}`;
  }

  async redeem(token: string, client: ClientInfo): Promise<{ user: UserRow; session: OpenedSession }> {
    const userId = await this.links.redeem(hashSecret(token), this.clock.now());
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.status !== 'active') {
      throw new UnauthorizedException({
        message: 'token: this sign-in link is unknown, used or expired; ask for a new one',
        details: [{ field: 'token', message: 'the link is unknown, used or expired' }],
      });
    }
    return { user, session: await this.sessions.open(user.id, client) };
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.sending]);
  }

  private async limit(kind: 'address' | 'client', key: string, perHour: number, field: string | null): Promise<void> {
    const prefix = this.config.queue.kind === 'bullmq' ? this.config.queue.prefix : 'citymatch';
    // Past the limit, the address or client waits out the hour (a block of 0 ms is not one Redis accepts).
    const counted = await this.counters.increment(`${prefix}:sign-in:${kind}:${key}`, HOUR_MS, perHour, HOUR_MS, 'sign-in');
    if (!counted.isBlocked && counted.totalHits <= perHour) return;
    const timeToExpire = Math.max(1, counted.timeToBlockExpire || counted.timeToExpire);
    const who = kind === 'address' ? 'this address' : 'this client';
    throw new HttpException(
      {
        message: `too many sign-in links asked for ${who}; retry in ${Math.ceil(timeToExpire / 60)} minute(s)`,
        details: field ? [{ field, message: `at most ${perHour} sign-in links per hour` }] : undefined,
        retryAfterSeconds: timeToExpire,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
