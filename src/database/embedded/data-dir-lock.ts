import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'citymatch.lock';

/** A second process opening the embedded database while another has it: it would corrupt the files. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'Only one process may open it: stop that process first, or use the running API (for example GET /api/v1/members/export).',
    );
    this.name = 'DataDirInUseError';
  }
}

interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

/**
 * Makes the data directory this process's own: a lock file naming the process, created atomically,
 * removed when the process exits. A lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, command: process.argv.slice(1).join(' '), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      process.once('exit', () => removeIfOurs(path));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(path);
      if (current?.pid === process.pid) return;
      if (current && isRunning(current.pid)) throw new DataDirInUseError(dataDir, current);
      unlinkSync(path);
    }
  }
  throw new Error(`could not lock ${path}`);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfOurs(path: string): void {
  if (readHolder(path)?.pid === process.pid) unlinkSync(path);
}
