import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';

type Operation = { summary?: string; security?: unknown[]; responses: Record<string, { description?: string; content?: unknown }> };

const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'details'],
  description: 'The one error body, whatever the status. Some errors add fields a client can act on (a stale version: currentVersion).',
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', example: 'lat must be between -90 and 90 (got 100)' },
    details: {
      type: 'array',
      description: 'Each field at fault; empty when no one field is',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'lat' },
          message: { type: 'string', example: 'lat must be between -90 and 90 (got 100)' },
        },
      },
    },
    currentVersion: { type: 'integer', description: 'On a 409 for a stale version: the version to read and retry from' },
  },
};

/** What each error status means on any route that can answer it. */
const ERROR_MEANINGS: Record<string, string> = {
  '400': 'The input is not valid; `details` names each field and what was wrong with the value',
  '401': 'No valid API token or session: sign in or send `Authorization: Bearer cm_…`',
  '403': 'The token is valid but its role (or member) may not do this',
  '404': 'Nothing with this id',
  '409': 'The change conflicts with the current state; nothing changed',
  '413': 'The request body is larger than this route accepts',
  '429': 'Too many requests from this client; wait for Retry-After seconds',
};

/**
 * The API's OpenAPI document: every operation has a summary, every error response the error body,
 * and routes behind a token their 401, 403 and 429. The bearer scheme is an opaque CityMatch token.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CityMatch API')
    .setDescription('Partner suggestions for decentralised cooperation between cities and local governments')
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'CityMatch API token (cm_…)',
      description: 'A CityMatch API token (cm_…)',
    })
    .addCookieAuth('cm_session', { type: 'apiKey', in: 'cookie', description: 'A web session; writes also send X-CSRF-Token' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) describeOperation(method, path, operation);
  }
  return document;
}

function describeOperation(method: string, path: string, operation: Operation): void {
  const statuses = ['400', ...(operation.security?.length ? ['401', '403', '429'] : [])];
  if (path.includes('{')) statuses.push('404');
  for (const status of statuses) operation.responses[status] ??= {};
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) < 400) {
      response.description ||= STATUS_CODES[Number(status)] ?? 'Success';
      continue;
    }
    response.description ||= ERROR_MEANINGS[status] ?? STATUS_CODES[Number(status)] ?? 'Error';
    response.content = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
  }
  if (!operation.summary) {
    const success = Object.entries(operation.responses).find(([status]) => Number(status) < 300)?.[1]?.description;
    operation.summary = success && success !== STATUS_CODES[200] ? success.split(/[;:.]/)[0] : `${method.toUpperCase()} ${path}`;
  }
}
