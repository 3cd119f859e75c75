import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'cm_session';
/** Readable by the page, which echoes it in X-CSRF-Token on every write (double submit, checked against the session too). */
export const CSRF_COOKIE = 'cm_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Secure whenever the browser reached us over HTTPS (directly, or through a trusted proxy). */
function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, secret: string, csrf: string, expiresAt: Date): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: secure(request), expires: expiresAt };
  reply.setCookie(SESSION_COOKIE, secret, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: secure(request) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}
