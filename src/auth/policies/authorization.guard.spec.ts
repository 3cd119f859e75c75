import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../principal';
import { Allow, Public } from './access-policy';
import { AuthorizationGuard } from './authorization.guard';

class Routes {
  undeclared() {}
  @Public() open() {}
  @Allow('secretariat', 'own-member') memberData() {}
}

function contextFor(handler: keyof Routes, request: AuthenticatedRequest & { params?: Record<string, string> }): ExecutionContext {
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const official = (memberId: string) => ({ id: 't1', method: 'api-token' as const, role: 'city_official' as const, memberId });

describe('AuthorizationGuard', () => {
  const guard = new AuthorizationGuard(new Reflector());

  it('closes a route that declares no policy, even to an admin', () => {
    const admin = { id: 't0', method: 'api-token' as const, role: 'admin' as const, memberId: null };
    expect(() => guard.canActivate(contextFor('undeclared', { principal: admin }))).toThrow(ForbiddenException);
  });

  it('lets anyone through a public route', () => {
    expect(guard.canActivate(contextFor('open', {}))).toBe(true);
  });

  it('answers 401 without a valid token, saying why', () => {
    expect(() => guard.canActivate(contextFor('memberData', {}))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(contextFor('memberData', { credentialProblem: 'revoked' }))).toThrow('the token has been revoked');
  });

  it("admits a city official to its own member's route only", () => {
    expect(guard.canActivate(contextFor('memberData', { principal: official('a'), params: { id: 'a' } }))).toBe(true);
    expect(() => guard.canActivate(contextFor('memberData', { principal: official('a'), params: { id: 'b' } }))).toThrow(
      ForbiddenException,
    );
    expect(() => guard.canActivate(contextFor('memberData', { principal: official('a') }))).toThrow(ForbiddenException);
  });
});
