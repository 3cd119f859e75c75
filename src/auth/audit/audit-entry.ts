import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../principal';

export const AUDIT_OUTCOMES = ['succeeded', 'rejected', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One write to CityMatch, as the audit log keeps it: who (never a secret), what, on what. */
export interface AuditEntry {
  /** The API token of a program's call; null for a session. */
  tokenId: string | null;
  /** The person and the session of a call made in the web app. */
  userId?: string | null;
  sessionId?: string | null;
  role: string | null;
  clientAddress: string;
  method: string;
  route: string;
  entity: string;
  entityId: string | null;
}

/** Methods that change something; reads are not audited. */
export const AUDITED_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The entity each resource path writes, by its first segment after /api/v1. */
const ENTITY_BY_SEGMENT: Record<string, string> = {
  members: 'member',
  tokens: 'token',
  matching: 'matching-weights',
  recompute: 'recompute',
  users: 'user',
  sessions: 'session',
  auth: 'session',
};

export function auditEntryFor(request: FastifyRequest & AuthenticatedRequest): AuditEntry {
  const route = request.routeOptions.url ?? request.url;
  const segment = route.replace(/^\/api\/v\d+\//, '').split('/')[0];
  const params = (request.params ?? {}) as Record<string, string>;
  const body = request.body as { id?: unknown } | undefined;
  const { principal } = request;
  return {
    tokenId: principal?.method === 'api-token' ? principal.id : null,
    userId: principal?.userId ?? null,
    sessionId: principal?.method === 'session' ? principal.id : null,
    role: principal?.role ?? null,
    clientAddress: request.ip,
    method: request.method,
    route,
    entity: ENTITY_BY_SEGMENT[segment] ?? segment,
    entityId: params.id ?? params.tokenId ?? params.userId ?? params.sessionId ?? (typeof body?.id === 'string' ? body.id : null),
  };
}

export function outcomeOf(statusCode: number): AuditOutcome {
  if (statusCode < 400) return 'succeeded';
  if (statusCode === 401 || statusCode === 403) return 'denied';
  if (statusCode < 500) return 'rejected';
  return 'failed';
}
