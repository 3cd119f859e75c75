import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { freePort } from '../support/free-port';

const ROOT = resolve(__dirname, '../..');
const BANNER = 'CityMatch: your admin token';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * The log of the real API entry (`src/main.ts`) on a first embedded start, its output a pipe as
 * under a process manager: JSON lines, one short line per request, health checks only at debug,
 * and the first-start banner after the start-up lines.
 */
describe('the request log and the first-start banner of a real start', () => {
  let dataDir: string;
  let child: ChildProcess;
  let output = '';
  let url: string;

  const until = (done: () => boolean, what: string) =>
    new Promise<void>((resolveWait, reject) => {
      const check = () => {
        if (done()) resolveWait();
        else if (child.exitCode !== null) reject(new Error(`the API exited before ${what}:\n${output}`));
        else setTimeout(check, 100);
      };
      check();
    });
  const lines = () => output.split('\n');
  const logLines = (): LogLine[] => lines().flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as LogLine] : []));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'citymatch-request-log-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: dataDir,
        SEED_DEMO_DATA: 'off',
        FIRST_ADMIN_TOKEN: 'auto',
        PORT: String(port),
        HOST: '127.0.0.1',
        // Debug, to show that health checks are logged once and at debug, not at info.
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await until(() => output.includes('/api/v1/members?limit=3'), 'printing the banner');
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the banner after the start-up log lines, as the token line announces', () => {
    const all = lines();
    const bannerAt = all.findIndex((line) => line.startsWith(BANNER));
    const startedAt = all.findIndex((line) => line.includes('Nest application successfully started'));
    const announcedAt = all.findIndex((line) => line.includes('created the first admin token'));
    expect(startedAt).toBeGreaterThan(-1);
    expect(announcedAt).toBeGreaterThan(-1);
    expect(bannerAt).toBeGreaterThan(startedAt);
    expect(all[announcedAt]).toContain('below');
    expect(all.slice(0, bannerAt).filter((line) => line !== '' && !line.startsWith('{'))).toEqual([]);
  });

  it('logs each request once, in one short line with method, path, status, time and caller', async () => {
    const secret = /cm_[A-Za-z0-9_-]{43}/.exec(output)![0];
    await request(url).get('/api/v1/members?limit=1').set('Authorization', `Bearer ${secret}`).expect(200);
    await request(url).get('/health').expect(200);
    // Lines are written in order: once a later request is logged, the health check's line (if any) is out.
    await request(url).get('/api/v1/themes').set('Authorization', `Bearer ${secret}`).expect(200);
    await until(() => output.includes('/api/v1/themes"'), 'logging the last request');

    const requestLines = lines().filter((line) => line.includes('"path":"/api/v1/members"'));
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0].length).toBeLessThan(400);
    expect(JSON.parse(requestLines[0])).toMatchObject({
      level: 30,
      method: 'GET',
      path: '/api/v1/members',
      status: 200,
      ms: expect.any(Number),
      principal: { id: expect.any(String), role: 'admin' },
      msg: expect.stringMatching(/^GET \/api\/v1\/members 200 [\d.]+ ms$/),
    });
    expect(requestLines[0]).not.toContain('headers');
    expect(requestLines[0]).not.toContain(secret);
  });

  it('logs a health check once, and only at debug', () => {
    const health = logLines().filter((line) => line.path === '/health' || (line.req as { url?: string } | undefined)?.url === '/health');
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ level: 20, status: 200 });
  });
});
