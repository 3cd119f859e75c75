/** Errors whose message is already the one line to print. */
const OWN_LINE_ERRORS = new Set(['DataDirInUseError', 'FirstStartSeedError']);

/** One clear line for the usual reasons a process cannot start, naming the variable to fix. */
export function describeStartupError(error: unknown): string {
  const err = error as { code?: string; message?: string; address?: string; port?: number; errors?: unknown[] };
  const inner = (Array.isArray(err?.errors) ? err.errors[0] : undefined) as typeof err | undefined;
  const code = err?.code ?? inner?.code;
  const message = err?.message || inner?.message || String(error);
  if (message.startsWith('Cannot reach') || OWN_LINE_ERRORS.has((error as Error)?.name)) return message;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|password authentication|database .* does not exist|timeout/i.test(`${code} ${message}`)) {
    const redis = /redis|6379/i.test(message);
    return `Cannot reach ${redis ? 'Redis (check REDIS_URL)' : 'the database (check DATABASE_URL)'}: ${message}`;
  }
  if (code === 'EADDRINUSE') return `Port ${err.port ?? ''} is in use (check PORT): ${message}`;
  return `CityMatch could not start: ${error instanceof Error ? error.stack : message}`;
}
