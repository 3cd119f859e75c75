import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where PGlite keeps its files under DATA_DIR. */
export function pgliteDirOf(dataDir: string): string {
  return join(resolve(dataDir), 'pglite');
}

/** Whether DATA_DIR already holds a database (a first start creates it). */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(pgliteDirOf(dataDir), 'PG_VERSION'));
}

/**
 * Creates a new PGlite data directory in a short-lived child process. PGlite's initdb runs in a
 * WebAssembly instance of its own, a few hundred MB that this process would otherwise keep in its
 * resident memory long after the database is open; the child gives all of it back when it exits.
 * A directory that already holds a database is left alone.
 */
export function initialiseDataDir(pgliteDataDir: string, startParams: readonly string[]): void {
  if (existsSync(join(pgliteDataDir, 'PG_VERSION'))) return;
  const script = `
    const { PGlite } = require(process.argv[1]);
    PGlite.create({ dataDir: process.argv[2], startParams: JSON.parse(process.argv[3]) })
      .then((db) => db.close())
      .catch((error) => { console.error(error.message); process.exit(1); });`;
  const child = spawnSync(
    process.execPath,
    ['-e', script, require.resolve('@electric-sql/pglite'), pgliteDataDir, JSON.stringify(startParams)],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) {
    throw new Error(
      `could not create the embedded database in ${pgliteDataDir}: ${child.stderr?.trim() || child.error?.message || `exit ${child.status}`}`,
    );
  }
}
