import type { CredentialProblem } from './principal';
import type { Role } from './roles';

const CREDENTIAL_PROBLEMS: Record<CredentialProblem | 'missing', string> = {
  missing: 'authentication required: send Authorization: Bearer <token>, or sign in',
  malformed: 'the Authorization header is not a CityMatch token (expected: Bearer cm_…)',
  unknown: 'the token is not recognised',
  expired: 'the token has expired',
  revoked: 'the token has been revoked',
  session: 'the session has ended or expired; sign in again',
  csrf: 'a write made with the session cookie must carry the X-CSRF-Token header, equal to the cm_csrf cookie',
};

/** Why a request gets 401, in the words every refusal uses (the API's guards and the queue dashboard). */
export function credentialProblemMessage(problem: CredentialProblem | 'missing'): string {
  return CREDENTIAL_PROBLEMS[problem];
}

/** Why a request gets 403: the same answer whatever it asked for, so nothing about the target leaks. */
export function forbiddenMessage(role: Role): string {
  return `a ${role} may not do this`;
}
