import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest, Principal } from '../principal';
import { credentialProblemMessage, forbiddenMessage } from '../refusals';
import { ACCESS_POLICY, type AccessPolicy, type Grant, MEMBER_PATH_PARAM } from './access-policy';

/** Deny by default: a route runs only if its declared policy admits the caller. */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly logger = new Logger(AuthorizationGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access policy; refusing every caller`);
      throw new ForbiddenException({ message: 'this route is closed' });
    }
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const { principal } = request;
    if (!principal) {
      // The cookie is there but the write lacks its CSRF token: refused, not unknown.
      if (request.credentialProblem === 'csrf') throw new ForbiddenException({ message: credentialProblemMessage('csrf') });
      throw new UnauthorizedException({ message: credentialProblemMessage(request.credentialProblem ?? 'missing') });
    }
    const pathMemberId = (request.params as Record<string, string> | undefined)?.[MEMBER_PATH_PARAM];
    if (policy.grants.some((grant) => admits(grant, principal, pathMemberId))) return true;
    // Same answer whether or not the member exists: nothing leaks to a caller who may not read it.
    throw new ForbiddenException({ message: forbiddenMessage(principal.role) });
  }
}

function admits(grant: Grant, principal: Principal, pathMemberId: string | undefined): boolean {
  if (grant === 'own-member') {
    return principal.role === 'city_official' && pathMemberId !== undefined && principal.memberId === pathMemberId;
  }
  return principal.role === grant;
}
