import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGliteDriver } from 'typeorm-pglite';
import { lockDataDir } from './data-dir-lock';
import { SerializedPGlitePool } from './serialized-pglite-pool';

/**
 * The `driver` option for TypeORM's postgres type on the embedded stack: PGlite stored under
 * dataDir (in memory when null), reached through a pool that serialises query runners.
 */
export function embeddedPostgresDriver(dataDir: string | null) {
  let pgliteDataDir: string | undefined;
  if (dataDir !== null) {
    pgliteDataDir = join(resolve(dataDir), 'pglite');
    mkdirSync(pgliteDataDir, { recursive: true });
    lockDataDir(resolve(dataDir));
  }
  // The constructor registers the PGlite options (and its boolean serialiser) for the shared instance.
  // unaccent: name search ignores accents, as it does on PostgreSQL (a migration creates the extension).
  new PGliteDriver({ ...(pgliteDataDir ? { dataDir: pgliteDataDir } : {}), extensions: { unaccent } });
  return { Pool: SerializedPGlitePool };
}
