import type { AppConfig } from '../../config';
import type { Principal } from '../principal';

/** One window for every limit: counts are per minute. */
export const WINDOW_MS = 60_000;
export const THROTTLER_NAME = 'default';

/** Requests per minute for this caller: per token when authenticated, per address otherwise; 0 is no limit. */
export function limitFor(config: AppConfig, principal: Principal | undefined | null): number {
  return principal ? config.rateLimit.perToken : config.rateLimit.anonymous;
}

/** Who is counted: the token, or the client address for calls without a valid token (failed attempts included). */
export function trackerFor(principal: Principal | undefined | null, address: string): string {
  return principal ? `token:${principal.id}` : `address:${address}`;
}

/** Per caller across all routes, not per route, and shared with every process of one deployment. */
export function rateLimitKey(config: AppConfig, name: string, tracker: string): string {
  const prefix = config.queue.kind === 'bullmq' ? config.queue.prefix : 'citymatch';
  return `${prefix}:rate-limit:${name}:${tracker}`;
}
