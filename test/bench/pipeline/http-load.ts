import type { BenchStack } from './bench-stack';
import { type CpuUse, startCpuMeter } from './cpu';
import { seededRandom } from './stats';

// autocannon ships no types; this is the part of its API used here.
interface Histogram {
  p50: number;
  p99: number;
  total: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon: Autocannon = require('autocannon');

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
  /** CPU during the measured run, when the server's processes were given. */
  cpu?: CpuUse;
}

/**
 * GET `path(id)` for random member ids at a fixed number of connections for `seconds`, after a short
 * warm-up run that is not counted.
 */
export async function loadTest(
  server: { baseUrl: string; headers: Record<string, string> },
  ids: string[],
  path: (id: string) => string,
  {
    connections = 100,
    seconds = 10,
    warmupSeconds = 2,
    stack,
    pids,
  }: { connections?: number; seconds?: number; warmupSeconds?: number; stack?: BenchStack; pids?: number[] } = {},
): Promise<LoadResult> {
  const { baseUrl, headers } = server;
  const random = seededRandom(7);
  const run = (duration: number) =>
    autocannon({
      url: baseUrl,
      headers,
      connections,
      duration,
      requests: [
        {
          method: 'GET',
          setupRequest: (request: Record<string, unknown>) => ({ ...request, path: path(ids[Math.floor(random() * ids.length)]) }),
        },
      ],
    });
  if (warmupSeconds > 0) {
    await run(warmupSeconds);
    await drained(baseUrl);
  }
  const meter = stack && pids ? await startCpuMeter(stack, pids) : undefined;
  const result = await run(seconds);
  const cpu = await meter?.();
  await drained(baseUrl);
  return {
    cpu,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Requests still queued in the server when autocannon stops are still worked off; waits until the
 * server answers quickly again (a plain GET of /health twice under 50 ms), so the next test starts clean.
 */
async function drained(baseUrl: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quick = 0;
  while (quick < 2) {
    if (Date.now() > deadline) throw new Error(`${baseUrl} still busy ${timeoutMs / 1000} s after the load stopped`);
    const start = Date.now();
    await fetch(`${baseUrl}/health`).catch(() => undefined);
    quick = Date.now() - start < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
