import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AUDITED_METHODS } from '../audit/audit-entry';
import type { AuthenticatedRequest } from '../principal';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../sessions/session-cookies';
import { SessionsService } from '../sessions/sessions.service';
import { AUTHENTICATORS, type Authenticator } from './authenticator';
import { bearerCredentials } from './bearer-credentials';

/**
 * Finds out who is calling and notes it on the request; it never refuses anything itself, so that
 * rate limiting (next) can count failed attempts per address and authorization (last) decides.
 * Programs send a bearer token; people in the web app carry a session cookie. A bearer token wins.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    @Inject(AUTHENTICATORS) private readonly authenticators: Authenticator[],
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const credentials = bearerCredentials(request.headers.authorization);
    if (credentials === null) return this.fromSessionCookie(request);
    const authenticator = credentials ? this.authenticators.find((candidate) => candidate.recognises(credentials)) : undefined;
    if (!authenticator) {
      request.credentialProblem = 'malformed';
      return true;
    }
    const result = await authenticator.authenticate(credentials);
    if ('principal' in result) request.principal = result.principal;
    else request.credentialProblem = result.problem;
    return true;
  }

  private async fromSessionCookie(request: FastifyRequest & AuthenticatedRequest): Promise<boolean> {
    const secret = request.cookies?.[SESSION_COOKIE];
    if (!secret) return true;
    const header = request.headers[CSRF_HEADER];
    const result = await this.sessions.authenticate(secret, {
      required: AUDITED_METHODS.has(request.method),
      header: typeof header === 'string' ? header : undefined,
      cookie: request.cookies[CSRF_COOKIE],
    });
    if ('principal' in result) request.principal = result.principal;
    else request.credentialProblem = result.problem;
    return true;
  }
}
