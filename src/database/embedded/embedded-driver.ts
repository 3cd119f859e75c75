import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGliteDriver } from 'typeorm-pglite';
import { lockDataDir } from './data-dir-lock';
import { initialiseDataDir, pgliteDirOf } from './initialise-data-dir';
import { SerializedPGlitePool } from './serialized-pglite-pool';

/**
 * PGlite's own start parameters, and a WAL kept small: PGlite checkpoints only when asked (the
 * pipeline asks after each recompute), and a checkpoint keeps at most max_wal_size of recycled WAL
 * files (PostgreSQL's default of 1 GB would let the data directory grow to that).
 */
const EMBEDDED_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['-c', 'min_wal_size=32MB', '-c', 'max_wal_size=32MB'],
  // Its buffers live in the WebAssembly memory, which never shrinks: 32 MB instead of 128 MB holds the
  // suggestion lists' working set, and the operating system's file cache serves the rest.
  ...['-c', 'shared_buffers=32MB'],
];

/**
 * The `driver` option for TypeORM's postgres type on the embedded stack: PGlite stored under
 * dataDir (in memory when null), reached through a pool that serialises query runners. An
 * in-memory database starts from the dump at startFrom when one is given (the tests start every
 * app from one migrated copy).
 */
export function embeddedPostgresDriver(dataDir: string | null, startFrom?: string) {
  let pgliteDataDir: string | undefined;
  if (dataDir !== null) {
    pgliteDataDir = pgliteDirOf(dataDir);
    mkdirSync(pgliteDataDir, { recursive: true });
    lockDataDir(resolve(dataDir));
    initialiseDataDir(pgliteDataDir, EMBEDDED_START_PARAMS);
  }
  // The constructor registers the PGlite options (and its boolean serialiser) for the shared instance.
  // unaccent: name search ignores accents, as it does on PostgreSQL (a migration creates the extension).
  const where = pgliteDataDir ? { dataDir: pgliteDataDir } : startFrom ? { loadDataDir: new Blob([readFileSync(startFrom)]) } : {};
  new PGliteDriver({ ...where, startParams: EMBEDDED_START_PARAMS, extensions: { unaccent } });
  return { Pool: SerializedPGlitePool };
}
