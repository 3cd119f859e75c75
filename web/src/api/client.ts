import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The API's error body: a message, and for bad input the fields that were wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown[] = [],
    /** The whole error body, for answers that carry more (a 409 pointing to the existing resource). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get refused(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((cookie) => cookie.startsWith('cm_csrf='))
    ?.slice('cm_csrf='.length);
}

/** Writes made with the session cookie echo its CSRF cookie in a header, as the API requires. */
const csrf: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (WRITES.has(request.method) && token) request.headers.set('X-CSRF-Token', decodeURIComponent(token));
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** Unwraps an openapi-fetch result: the data, or an ApiError with the server's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { message?: unknown; details?: unknown[] };
  const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? result.response.statusText);
  throw new ApiError(result.response.status, message, body.details ?? [], body as Record<string, unknown>);
}
