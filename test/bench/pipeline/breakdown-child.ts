/**
 * Child process of bench:pipeline: times the jobs' steps one by one (see Breakdown) on the database
 * given as the first argument, and prints the result as JSON. `parts` picks some of them.
 */
import { Pool } from 'pg';
import { Breakdown } from './breakdown';

async function main(): Promise<void> {
  const {
    databaseUrl,
    shardSize,
    parts = ['shard', 'incremental', 'read'],
  } = JSON.parse(process.argv[2]) as { databaseUrl: string; shardSize: number; parts?: string[] };
  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const { rows } = await db.query(`SELECT id FROM members WHERE status = 'active' ORDER BY id`);
    const ids = rows.map((row: { id: string }) => row.id);
    const breakdown = new Breakdown(db);
    const shard = parts.includes('shard') ? await breakdown.shard(shardSize) : [];
    const incremental = parts.includes('incremental') ? await breakdown.incremental(ids[1]) : [];
    const read = parts.includes('read') ? await breakdown.read(ids) : [];
    process.stdout.write(JSON.stringify({ shard, incremental, read }));
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
