import type { CredentialProblem, Principal } from '../principal';

export type AuthenticationResult = { principal: Principal } | { problem: CredentialProblem };

/**
 * One way of proving who a caller is. The authentication guard asks each registered authenticator in
 * turn; a second method (OIDC/JWT from the association's identity provider) is one more provider
 * under AUTHENTICATORS, without touching routes or policies.
 */
export interface Authenticator {
  /** Whether these bearer credentials are of this authenticator's kind (an API token, a JWT, …). */
  recognises(credentials: string): boolean;
  authenticate(credentials: string): Promise<AuthenticationResult>;
}

export const AUTHENTICATORS = Symbol('AUTHENTICATORS');
