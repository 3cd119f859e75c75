import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseJsonArrayInSlices } from './json-array-in-slices';

type Done = (error: Error | null, body?: unknown) => void;

/** Bodies below this are parsed at once: a slice of parsing would be longer than the whole. */
const SLICED_FROM_BYTES = 256 * 1024;

/**
 * The JSON body parser, with the fastify default's checks and errors for every route, which parses
 * a large member import in slices (see parseJsonArrayInSlices), so that other requests are answered
 * while it is read.
 */
export function jsonBodyParser(fastify: FastifyInstance, importUrl: string) {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseDefault = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    if (request.routeOptions.url !== importUrl || body.length < SLICED_FROM_BYTES) {
      parseDefault(request, body.toString('utf8'), done);
      return;
    }
    const parse = (text: string) => {
      let parsed: { error: Error | null; value?: unknown } = { error: null };
      parseDefault(request, text, (error, value) => (parsed = { error, value }));
      if (parsed.error) throw parsed.error;
      return parsed.value;
    };
    parseJsonArrayInSlices(body.toString('utf8'), parse).then(
      (value) => done(null, value),
      (error: Error) => done(error),
    );
  };
}
