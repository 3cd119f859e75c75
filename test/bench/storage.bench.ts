/**
 * npm run bench:storage [-- --recomputes N] [--services]: how the database grows with full
 * recomputes of the demo network (6,094 members). Starts the real app in this process on a fresh
 * DATA_DIR (or, with --services, on a private PostgreSQL database and Redis prefix, as the tests
 * do), seeds it as `npm start` does, waits for the first generation, then runs N (default 20)
 * `POST /api/v1/recompute` one after the other, printing after each the data directory's size on
 * disk (PostgreSQL: the database's size) and, at the end, the largest tables. Target: under 150 MB
 * after 20, and the same bounded growth on PostgreSQL.
 */
import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfiguration } from '../../src/config/configuration';
import { DemoSeedService } from '../../src/members';
import { settle } from '../support/settle';
import { startTestApp, startTestAppOn, type TestApp } from '../support/test-app';

const MB = 1024 * 1024;

/** Bytes on disk under `path` (allocated blocks, as `du` counts them). */
function diskUsage(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.blocks * 512;
  return readdirSync(path).reduce((total, name) => total + diskUsage(join(path, name)), stat.blocks * 512);
}

function recomputesArgument(): number {
  const at = process.argv.indexOf('--recomputes');
  const count = at < 0 ? 20 : Number(process.argv[at + 1]);
  if (!Number.isInteger(count) || count < 1) throw new Error('--recomputes takes a whole number of at least 1');
  return count;
}

async function main(): Promise<void> {
  const recomputes = recomputesArgument();
  const { t, size } = process.argv.includes('--services') ? await onPostgres() : await embedded();
  try {
    console.log(`data directory at ready: ${await size()}`);
    await t.app.get(DemoSeedService).seedIfEmpty();
    await settle(t, 900_000);
    console.log(`after the seed and its recompute: ${await size()}`);
    console.log('| recompute | time | data directory |');
    console.log('|---:|---:|---:|');
    for (let run = 1; run <= recomputes; run++) {
      const started = performance.now();
      await t.http.post('/api/v1/recompute').expect(202);
      await settle(t, 900_000);
      console.log(`| ${run} | ${((performance.now() - started) / 1000).toFixed(1)} s | ${await size()} |`);
    }
    const tables: Array<{ name: string; total: string; rows: number }> = await t.dataSource.query(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS total, c.reltuples::bigint AS rows
       FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
       ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8`,
    );
    console.log('\n| table | size (with indexes and TOAST) | rows (estimate) |\n|---|---:|---:|');
    for (const table of tables) console.log(`| ${table.name} | ${(Number(table.total) / MB).toFixed(1)} MB | ${table.rows} |`);
  } finally {
    await t.close();
  }
}

async function embedded(): Promise<{ t: TestApp; size: () => Promise<string> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-storage-bench-'));
  const config = loadConfiguration({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', FIRST_ADMIN_TOKEN: 'off', RATE_LIMIT_PER_MINUTE: '0' });
  const t = await startTestAppOn(config, async () => rmSync(dataDir, { recursive: true, force: true }));
  const size = async () =>
    `${(diskUsage(dataDir) / MB).toFixed(1)} MB (WAL ${(diskUsage(join(dataDir, 'pglite', 'pg_wal')) / MB).toFixed(1)} MB)`;
  return { t, size };
}

async function onPostgres(): Promise<{ t: TestApp; size: () => Promise<string> }> {
  process.env.CITYMATCH_TEST_STACK = 'services';
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  const t = await startTestApp({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' });
  const size = async () => {
    const [{ bytes }] = await t.dataSource.query('SELECT pg_database_size(current_database()) AS bytes');
    return `${(Number(bytes) / MB).toFixed(1)} MB (database)`;
  };
  return { t, size };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
