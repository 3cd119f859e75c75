import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoLogger } from 'nestjs-pino';
import { type DestinationStream, destination } from 'pino';
import type { Options } from 'pino-http';
import pinoPretty from 'pino-pretty';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AppConfig } from '../config';

/**
 * pino for every entry: readable lines in a terminal, JSON lines otherwise (files, log shippers).
 * Requests are logged once each by logRequests, not by pino-http, whose line holds every header.
 */
export function loggerOptions(config: AppConfig, output: { isTTY?: boolean; fd: number } = process.stdout): [Options, DestinationStream] {
  const options: Options = {
    level: config.logLevel,
    redact: ['req.headers.authorization'],
    autoLogging: false,
    // Other lines logged while serving a request carry its id, not the whole request.
    quietReqLogger: true,
  };
  // Synchronous either way, so the first-start banner written to stdout after start-up comes after its log lines.
  if (!output.isTTY) return [options, destination({ dest: output.fd, sync: true })];
  return [options, pinoPretty({ destination: output.fd, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })];
}

/** Health checks come every few seconds from probes: only at debug, so they do not drown the log. */
const QUIET_PATHS = new Set(['/health']);

/** One concise line per answered request: method, path, status, time and who asked. */
export function logRequests(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      // The path only: query strings can carry one-time secrets (sign-in and unsubscribe links).
      const path = request.url.split('?', 1)[0];
      const status = reply.statusCode;
      const ms = Math.round(reply.elapsedTime * 10) / 10;
      const principal = (request as AuthenticatedRequest).principal;
      const level = QUIET_PATHS.has(path) ? 'debug' : status >= 500 ? 'error' : 'info';
      PinoLogger.root[level](
        { method: request.method, path, status, ms, ...(principal && { principal: { id: principal.id, role: principal.role } }) },
        `${request.method} ${path} ${status} ${ms} ms`,
      );
      done();
    });
}
