import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { freePort } from '../support/free-port';

const ROOT = resolve(__dirname, '../..');

interface LogLine {
  pid: number;
  msg: string;
}

interface Api {
  child: ChildProcess;
  port: number;
  lines: () => LogLine[];
}

/** The API entry from source, as `npm start` runs it, on DATA_DIR with the demo data (JSON log lines: not a terminal). */
async function startApi(dataDir: string): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const lines = () =>
    output.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  return { child, port, lines };
}

async function ready(api: Api): Promise<void> {
  for (;;) {
    if (api.child.exitCode !== null || api.child.signalCode !== null)
      throw new Error(`the API exited (${api.child.exitCode ?? api.child.signalCode})`);
    const response = await fetch(`http://127.0.0.1:${api.port}/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stop(api: Api): Promise<unknown> {
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  return exited;
}

const seedLines = (api: Api) => api.lines().filter((line) => /^Demo (data|people):/.test(line.msg));

// The embedded stack's own start (it needs no service, so `npm test` runs it on the embedded run only).
describe('a first start on a new data directory', () => {
  let dataDir: string;
  let first: Api | undefined;
  let again: Api | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'citymatch-first-start-'));
  });
  afterAll(async () => {
    for (const api of [first, again]) if (api && api.child.exitCode === null && api.child.signalCode === null) await stop(api);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds the demo members and people in a process of their own, whose memory ends with it, then serves them', async () => {
    first = await startApi(dataDir);
    await ready(first);

    const seeded = seedLines(first);
    expect(seeded.map((line) => line.msg)).toEqual([
      expect.stringMatching(new RegExp(`^Demo data: ${loadGeoNamesProfiles(DEMO_SEED).length} members created`)),
      expect.stringMatching(/^Demo people: 3 secretariat users and \d+ officials added/),
    ]);
    expect(seeded.every((line) => line.pid !== first!.child.pid)).toBe(true);
    // The demo partnerships need the whole app: the API's own process makes them.
    expect(first.lines().find((line) => line.msg.startsWith('Demo partnerships:'))?.pid).toBe(first.child.pid);
    const members = await fetch(`http://127.0.0.1:${first.port}/api/v1/members?limit=1`);
    expect(members.status).toBe(401); // served, behind its token
    await stop(first);
  }, 600_000);

  it('a restart on the same data neither creates nor seeds anything', async () => {
    again = await startApi(dataDir);
    await ready(again);
    expect(seedLines(again)).toEqual([]);
    await stop(again);
  }, 600_000);
});
