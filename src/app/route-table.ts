import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
}

const tables = new WeakMap<object, RouteEntry[]>();

/** Records every route as it is registered (Nest's and plugins' alike), so tests can walk them all. */
export function recordRoutes(fastify: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  tables.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: route.url });
    }
  });
}

export function routeTable(fastify: FastifyInstance): RouteEntry[] {
  return [...(tables.get(fastify) ?? [])];
}
