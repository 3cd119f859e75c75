import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../src/database/embedded/data-dir-lock';

const ROOT = resolve(__dirname, '../..');
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

/** A process that takes the data directory's lock and keeps running until killed. */
function holdLock(dataDir: string): Promise<ChildProcess> {
  const script = `require(${JSON.stringify(join(ROOT, 'src/database/embedded/data-dir-lock.ts'))}).lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    cwd: ROOT,
    env: ENV,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.stdout!.on('data', () => done(child));
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`the lock holder exited with ${code}`)));
  });
}

function runExport(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/export.ts', join(dataDir, 'out.json')], {
      cwd: ROOT,
      env: { ...ENV, DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('the embedded database is one process’s', () => {
  let dataDir: string;
  let holder: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'citymatch-lock-'));
  });
  afterEach(() => {
    holder?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a second process is refused with a message naming the running one', async () => {
    holder = await holdLock(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`in use by process ${holder.pid}\\b`));
  });

  it('the export command refuses to open a data directory another process has, and exits non-zero', async () => {
    holder = await holdLock(dataDir);
    const exit = await runExport(dataDir);
    expect(exit.code).not.toBe(0);
    expect(exit.stderr).toContain(`in use by process ${holder.pid}`);
    expect(existsSync(join(dataDir, 'out.json'))).toBe(false);
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    holder = await holdLock(dataDir);
    const exited = new Promise((done) => holder!.on('close', done));
    holder.kill('SIGKILL');
    await exited;
    expect(() => lockDataDir(dataDir)).not.toThrow();
  });
});
