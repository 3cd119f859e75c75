import type { Role } from '../roles';
import type { ApiToken } from './api-token.entity';

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** A token as the API shows it: never the secret nor its hash. */
export interface TokenView {
  id: string;
  label: string;
  role: Role;
  memberId: string | null;
  hint: string;
  status: TokenStatus;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function statusOf(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now = new Date()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export function toTokenView(token: ApiToken): TokenView {
  return {
    id: token.id,
    label: token.label,
    role: token.role,
    memberId: token.memberId,
    hint: token.hint,
    status: statusOf(token),
    createdAt: token.createdAt.toISOString(),
    createdBy: token.createdBy,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
