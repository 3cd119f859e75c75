import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type DestinationStream, destination, type Level, type Logger, pino } from 'pino';
import pinoPretty from 'pino-pretty';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AppConfig } from '../config';

/**
 * The process's one pino logger: readable lines in a terminal, JSON lines otherwise (files, log
 * shippers). Written synchronously either way, so the first-start banner that the entry writes
 * to stdout after start-up comes after the start-up lines.
 */
export function createLogger(config: AppConfig, output: { isTTY?: boolean; fd: number } = process.stdout): Logger {
  const stream: DestinationStream = output.isTTY
    ? pinoPretty({ destination: output.fd, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
    : destination({ dest: output.fd, sync: true });
  return pino({ level: config.logLevel }, stream);
}

/** Nest's logger interface over pino: the context becomes a field, an error keeps its stack. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    // Nest passes (message, stack?, context?).
    const context = params.length > 1 || (params.length === 1 && !isStack(params[0])) ? params.pop() : undefined;
    const stack = params.find(isStack);
    this.write('error', message, context === undefined ? [] : [context], stack ? { stack } : {});
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], fields: object = {}) {
    const context = typeof params[params.length - 1] === 'string' ? { context: params[params.length - 1] } : {};
    if (message instanceof Error) this.logger[level]({ ...context, ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...context, ...fields, ...message });
    else this.logger[level]({ ...context, ...fields }, String(message));
  }
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && /\n\s+at /.test(value);
}

/** Health checks come every few seconds from probes: only at debug, so they do not drown the log. */
const QUIET_PATHS = new Set(['/health']);

/** One concise line per answered request: method, path, status, time and who asked. */
export function logRequests(app: NestFastifyApplication, logger: Logger): void {
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
      logger[level](
        { method: request.method, path, status, ms, ...(principal && { principal: { id: principal.id, role: principal.role } }) },
        `${request.method} ${path} ${status} ${ms} ms`,
      );
      done();
    });
}
