import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../principal';
import { AUTHENTICATORS, type Authenticator } from './authenticator';
import { bearerCredentials } from './bearer-credentials';

/**
 * Finds out who is calling and notes it on the request; it never refuses anything itself, so that
 * rate limiting (next) can count failed attempts per address and authorization (last) decides.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(AUTHENTICATORS) private readonly authenticators: Authenticator[]) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const credentials = bearerCredentials(request.headers.authorization);
    if (credentials === null) return true;
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
}
