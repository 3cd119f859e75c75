import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const TOKEN = /cm_[A-Za-z0-9_-]{20,}/;

export interface RunningServer {
  url: string;
  adminToken: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the compiled CityMatch (`npm run build`) as production runs it. On the first start of a
 * fresh embedded data directory it seeds the demo members and prints the first admin token; on
 * PostgreSQL (`printsAdminToken: false`) it prints none, and the caller makes one with the CLI.
 */
export async function startServer(port: number, env: Record<string, string>, { printsAdminToken = true } = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_APP_DIR: join(ROOT, 'web/dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`CityMatch exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`CityMatch did not answer within 2 minutes:\n${output}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy && (!printsAdminToken || TOKEN.test(output))) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const adminToken = TOKEN.exec(output)?.[0] ?? '';
  return {
    url,
    adminToken,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Waits until the first generation of suggestions and the default (balanced) lists are in use, so pages show real lists. */
export async function waitForSuggestions(server: Pick<RunningServer, 'url' | 'adminToken'>): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const response = await fetch(`${server.url}/api/v1/recompute/status`, { headers: { Authorization: `Bearer ${server.adminToken}` } });
    const status = (await response.json()) as { current: unknown; building: unknown; balanced: unknown };
    if (status.current && !status.building && status.balanced) return;
    if (Date.now() > deadline) throw new Error(`suggestions were not computed within 4 minutes: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
