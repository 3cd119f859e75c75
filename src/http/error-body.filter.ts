import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';
import type { FieldError } from './field-errors';

/**
 * The one error body of the API, whatever the status: what went wrong in `message`, each field at
 * fault in `details` (empty when no one field is), and extras a client can act on (a 409 on a stale
 * version carries `currentVersion`).
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: FieldError[];
  [extra: string]: unknown;
}

/** Fastify's own request errors (raised before a route runs), by code. */
const FASTIFY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'the request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the request body is empty but declared as JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is larger than this route accepts',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'send the body as application/json',
};

/** Turns every error into the common body; stack traces go to the log, never to the client. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const response = host.switchToHttp().getResponse();
    this.adapterHost.httpAdapter.reply(response, body, body.statusCode);
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return errorBody(statusCode, response);
    // Nest's own exceptions repeat statusCode and error in their response; the body sets both itself.
    const { message, details, statusCode: _status, error: _error, ...extras } = response as Record<string, unknown>;
    const text = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
    return errorBody(statusCode, text, Array.isArray(details) ? (details as FieldError[]) : [], extras);
  }
  const fastifyError = exception as { code?: string; statusCode?: number; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return errorBody(fastifyError.statusCode, FASTIFY_ERRORS[fastifyError.code ?? ''] ?? fastifyError.message ?? 'bad request');
  }
  return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error; the request may be retried');
}

export function errorBody(
  statusCode: number,
  message: string,
  details: FieldError[] = [],
  extras: Record<string, unknown> = {},
): ErrorBody {
  return { ...extras, statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details };
}
