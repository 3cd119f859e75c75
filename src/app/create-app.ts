import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { completeAuditOnResponse } from '../auth';
import { adminOnlyHook } from '../auth/dashboard-access';
import { RateLimiter } from '../auth/rate-limit/rate-limiter';
import { ApiTokenAuthenticator } from '../auth/tokens/api-token.authenticator';
import { mountQueueDashboard } from '../jobs';
import type { AppConfig } from '../config';
import { jsonBodyParser, MEMBERS_IMPORT_PATH } from '../members';
import { createLogger, logRequests, PinoNestLogger } from './logging';
import { createOpenApiDocument } from './openapi';
import { recordRoutes } from './route-table';
import { applySecurityHeaders } from './security';
import { UnsafeInputPipe } from '../http/unsafe-input.pipe';
import { createValidationPipe } from '../http/validation.pipe';
import { serveWebApp } from '../web-app';

export const API_PREFIX = 'api/v1';

/** Bulk import may send up to this much; every other route keeps the configured body limit. */
const IMPORT_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    // The client address (rate limits, audit log) comes from X-Forwarded-For only through trusted hops.
    trustProxy: (_address: string, hop: number) => hop < config.http.trustProxyHops,
  });
  recordRoutes(adapter.getInstance());
  const importUrl = `/${API_PREFIX}/${MEMBERS_IMPORT_PATH}`;
  adapter.getInstance().addHook('onRoute', (route) => {
    if (route.url === importUrl) route.bodyLimit = Math.max(IMPORT_BODY_LIMIT_BYTES, config.http.bodyLimitBytes);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    // Let start-up errors reach the entry point, which prints one clear line instead of a dump.
    abortOnError: false,
    autoFlushLogs: false,
  });
  // Fastify's JSON parsing and errors, except that a large import is parsed without holding other requests.
  app.useBodyParser('application/json', { bodyLimit: config.http.bodyLimitBytes }, jsonBodyParser(adapter.getInstance(), importUrl));
  const logger = createLogger(config);
  app.useLogger(new PinoNestLogger(logger));
  app.flushLogs();
  // Web sessions travel in cookies; secrets are random and checked against their hashes, so unsigned.
  await app.register(fastifyCookie);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(new UnsafeInputPipe(), createValidationPipe());
  applySecurityHeaders(app, config);
  completeAuditOnResponse(app, `/${API_PREFIX}/`);
  logRequests(app, logger);
  app.enableShutdownHooks();

  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app));
  await mountQueueDashboard(app, adminOnlyHook(app.get(ApiTokenAuthenticator), app.get(RateLimiter)));
  await serveWebApp(app, config.webAppDir);
  return app;
}
