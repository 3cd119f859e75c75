import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WEB_APP_CONTENT_SECURITY_POLICY } from './content-security-policy';

/** Paths that belong to the API and the operator pages: never answered with the app's index. */
const SERVER_PATHS = /^\/(api|docs|docs-json|docs-yaml|health|admin)(\/|$)/;

/** Built assets carry a content hash in their name, so a browser may keep them for good. */
const HASHED_ASSETS = /^assets\//;

/**
 * The web app's build, served at `/`: its files as they are, and its index for every other path
 * that is not the server's own, so a deep link (e.g. /suggestions?theme=culture) opens the app.
 */
export async function serveWebApp(app: NestFastifyApplication, webAppDir: string): Promise<void> {
  const root = resolve(webAppDir);
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyStatic, { root, serve: false, index: false });
    scope.get('/*', (request, reply) => answer(request, reply, root));
  });
}

function answer(request: FastifyRequest, reply: FastifyReply, root: string) {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (SERVER_PATHS.test(path)) return reply.callNotFound();
  reply.header('content-security-policy', WEB_APP_CONTENT_SECURITY_POLICY);
  const file = decodeURIComponent(path).replace(/^\/+/, '');
  // A path with an extension asks for a file: a missing one is a 404, not the app.
  if (/\.[a-z0-9]+$/i.test(file)) {
    const maxAge = HASHED_ASSETS.test(file) ? 365 * 24 * 3600 * 1000 : 0;
    return reply.sendFile(file, { maxAge, immutable: maxAge > 0 });
  }
  if (!existsSync(resolve(root, 'index.html'))) {
    return reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send('The CityMatch web app is not built: run `npm run build` (or set WEB_APP_DIR to its build).');
  }
  // The index names the current asset hashes: always revalidate it.
  return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
}
