import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestStack, TEST_STACK } from '../support/test-stack';

const ROOT = resolve(__dirname, '../..');
/** Past this the process is killed: a start that cannot succeed must not hang. */
/** A process still running by then is hung, not slow: it was waiting for an unreachable service. */
const KILL_AFTER_MS = 45_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the API entry from source, as `npm start` would, with only the given environment. */
function startApi(env: Record<string, string>, dataDir: string): Promise<Exit> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: ROOT,
      // Nothing from the test run's own environment (TEST_* URLs, NODE_OPTIONS) leaks into the app.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, SEED_DEMO_DATA: 'off', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      done({ code, signal, stderr });
    });
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

/** A line of a JavaScript stack trace, e.g. "at TCPConnectWrap.afterConnect (node:net:1611:16)". */
const STACK_FRAME = /^\s*at .+:\d+:\d+\)?\s*$/m;

function expectCleanFailure(exit: Exit, variable: string): void {
  expect(exit.signal).toBeNull(); // exited by itself, not killed by the timeout
  expect(exit.code).not.toBe(0);
  expect(lastLine(exit.stderr)).toContain(variable);
  expect(exit.stderr).not.toMatch(STACK_FRAME);
}

describe('the API refuses to start with a bad environment: non-zero exit, one line naming the variable', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'citymatch-startup-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a DATABASE_URL that is not PostgreSQL', async () => {
    expectCleanFailure(await startApi({ DATABASE_URL: 'mysql://x' }, dataDir), 'DATABASE_URL');
  }, 40_000);

  it('a PORT that is not a number', async () => {
    expectCleanFailure(await startApi({ PORT: 'abc' }, dataDir), 'PORT');
  }, 40_000);

  it('an unreachable DATABASE_URL, instead of retrying forever', async () => {
    const exit = await startApi({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nope' }, dataDir);
    expectCleanFailure(exit, 'DATABASE_URL');
  }, 40_000);

  // Needs a database the app can reach, so it runs where one exists; its own database is dropped afterwards.
  if (TEST_STACK === 'services') {
    it('an unreachable REDIS_URL, instead of waiting forever', async () => {
      const stack = await createTestStack();
      try {
        if (stack.config.database.kind !== 'postgres') throw new Error('the services stack has a PostgreSQL database');
        const exit = await startApi({ DATABASE_URL: stack.config.database.url, REDIS_URL: 'redis://127.0.0.1:1' }, dataDir);
        expectCleanFailure(exit, 'REDIS_URL');
      } finally {
        await stack.dispose();
      }
    }, 60_000);
  }
});
