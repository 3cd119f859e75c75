import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTokenAuthenticator } from './tokens/api-token.authenticator';
import { bearerCredentials } from './authentication/bearer-credentials';
import type { Principal } from './principal';
import type { RateLimiter } from './rate-limit/rate-limiter';
import { credentialProblemMessage, forbiddenMessage } from './refusals';

/**
 * The queue dashboard is a browser page outside Nest's routes, so it cannot use the guards. It
 * admits admins only, by bearer token or, for a browser, HTTP Basic with the token as password,
 * under the API's rate limits: per token once recognised, per address for every other attempt.
 */
export function adminOnlyHook(authenticator: ApiTokenAuthenticator, limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const credentials = bearerCredentials(request.headers.authorization) || basicPassword(request.headers.authorization);
    const result = credentials && authenticator.recognises(credentials) ? await authenticator.authenticate(credentials) : null;
    const principal: Principal | null = result && 'principal' in result ? result.principal : null;
    const verdict = await limiter.hit(principal, request.ip);
    if (verdict.limited) return tooMany(reply, verdict.retryAfterSeconds);
    if (!result) return refuse(reply, 401, 'authentication required: an admin token');
    if (!('principal' in result)) return refuse(reply, 401, credentialProblemMessage(result.problem));
    if (result.principal.role !== 'admin') return refuse(reply, 403, forbiddenMessage(result.principal.role));
  };
}
function basicPassword(authorization: string | undefined): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) || null;
}

async function refuse(reply: FastifyReply, statusCode: 401 | 403, message: string): Promise<void> {
  if (statusCode === 401) reply.header('WWW-Authenticate', 'Basic realm="CityMatch queue dashboard", charset="UTF-8"');
  await reply.code(statusCode).send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });
}

async function tooMany(reply: FastifyReply, retryAfterSeconds: number): Promise<void> {
  reply.header('Retry-After', String(retryAfterSeconds));
  await reply.code(429).send({
    statusCode: 429,
    error: 'Too Many Requests',
    message: 'too many requests; retry after the number of seconds in Retry-After',
  });
}
