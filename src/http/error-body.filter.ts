import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';

/** The one error body of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
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
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const response = host.switchToHttp().getResponse();
    this.adapterHost.httpAdapter.reply(response, body, body.statusCode);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const { message, details } =
        typeof response === 'string' ? { message: response, details: undefined } : (response as { message?: unknown; details?: unknown });
      return withDetails(statusCode, Array.isArray(message) ? message.join('; ') : String(message ?? exception.message), details);
    }
    const fastifyError = exception as { code?: string; statusCode?: number; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return withDetails(fastifyError.statusCode, FASTIFY_ERRORS[fastifyError.code ?? ''] ?? fastifyError.message ?? 'bad request');
    }
    return withDetails(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error; the request may be retried');
  }
}

function withDetails(statusCode: number, message: string, details?: unknown): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details !== undefined) body.details = details;
  return body;
}
