import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTokenAuthenticator } from './tokens/api-token.authenticator';
import { bearerCredentials } from './authentication/bearer-credentials';
import { credentialProblemMessage, forbiddenMessage } from './refusals';

/**
 * The queue dashboard is a browser page outside Nest's routes, so it cannot use the guards. It
 * admits admins only, by bearer token or, for a browser, HTTP Basic with the token as password.
 */
export function adminOnlyHook(authenticator: ApiTokenAuthenticator) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const credentials = bearerCredentials(request.headers.authorization) || basicPassword(request.headers.authorization);
    if (!credentials || !authenticator.recognises(credentials)) return refuse(reply, 401, 'authentication required: an admin token');
    const result = await authenticator.authenticate(credentials);
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
