import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';

/** An authenticated caller, whichever method proved who it is: an API token or a web session. */
export interface Principal {
  /** The credential's id: an API token's id or a session's id. Never the secret. */
  id: string;
  method: 'api-token' | 'session';
  role: Role;
  /** The member a city official acts for; null for the secretariat. */
  memberId: string | null;
  /** The person behind a session; tokens belong to programs and have none. */
  userId?: string;
}

/** Why a request carrying credentials was not authenticated. */
export type CredentialProblem = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'session' | 'csrf';

/** What authentication left on the request for the guards, handlers and audit after it. */
export interface AuthenticatedRequest {
  principal?: Principal;
  credentialProblem?: CredentialProblem;
}

/** The caller of the current request, or undefined on a public route called anonymously. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

export function isCityOfficialOf(principal: Principal | undefined, memberId: string): boolean {
  return principal?.role === 'city_official' && principal.memberId === memberId;
}

/** The secretariat and admins see every member in full. */
export function seesWholeNetwork(principal: Principal | undefined): boolean {
  return principal?.role === 'admin' || principal?.role === 'secretariat';
}
