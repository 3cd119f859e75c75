/**
 * npm run bench:digests: a week's digests for 14,000 recipients (7,000 members with two officials
 * each), assembled, rendered and delivered over SMTP to a local sink, by one process running the
 * jobs (WORKERS inline) on the services stack; the sink runs in a process of its own. Needs BENCH_DATABASE_URL and BENCH_REDIS_URL.
 * `npm run bench:digests -- --members 50` is a quick check that it runs. The week is enqueued in one bulk add
 * per page of 2,000 recipients. `--profile FILE.cpuprofile` writes a CPU profile of the week's run alone
 * (not the import nor the recompute before it), to open in Chrome's DevTools.
 *
 * Besides wall time it prints the process's CPU time and the SQL statements sent per recipient during the
 * run: on a busy machine wall time says little, and those two move only with the code.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DigestsService } from '../../src/digests';
import { loadConfiguration } from '../../src/config/configuration';
import { createApp } from '../../src/app/create-app';
import { MembersImportService } from '../../src/members/import/members-import.service';
import { loadGeoNamesProfiles } from '../../src/members/seed';
import { createBenchStack } from './pipeline/bench-stack';
import { type SinkStats } from './smtp-sink-process';

const WEEK = '2026-W49';

async function main(): Promise<void> {
  // --members N: a smaller week to check that the benchmark runs (the figures are for 7,000).
  const { values } = parseArgs({ options: { members: { type: 'string', default: '7000' }, profile: { type: 'string' } } });
  const MEMBERS = Number(values.members);
  const statements = countStatements();
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const sink = await startSinkProcess();
  const stack = await createBenchStack(serverUrl, redisUrl);
  const config = loadConfiguration({
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: stack.name,
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
    DIGESTS: 'off',
    SEED_DEMO_DATA: 'off',
    FIRST_ADMIN_TOKEN: 'off',
    MAIL_MAX_PER_SECOND: '5000',
    // Digest jobs share their statements with the jobs running beside them (src/digests/delivery-batches.ts): more at once, fewer round trips.
    DIGEST_CONCURRENCY: process.env.DIGEST_CONCURRENCY ?? '32',
    PORT: '0',
  });
  const app = await createApp(config);
  await app.init();
  try {
    const members = loadGeoNamesProfiles({ minPopulation: 1000, region: 'asia-pacific' })
      .sort((a, b) => b.population - a.population)
      .slice(0, MEMBERS)
      .map((member) => ({ ...member, contact: undefined }));
    await app.get(MembersImportService).import(members);
    process.stdout.write(`${members.length} members imported; waiting for their suggestions…\n`);
    await waitFor(async () => {
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM suggestion_generations WHERE state = 'complete'`);
      return rows[0].n > 0;
    }, 900_000);
    // And for the default lists that the recompute's end starts balancing (on a thread, then one large
    // write): a Monday's digests find them settled, and the run should not share the cores with them.
    await waitFor(async () => {
      const { rows } = await stack.db.query(
        `SELECT count(*)::int AS n FROM balanced_runs r JOIN suggestion_state s ON s.id = 1 AND r.generation_id = s.current_generation_id`,
      );
      return rows[0].n > 0;
    }, 900_000);
    await stack.db.query(
      `INSERT INTO users (id, email, name, role, member_id, synthetic)
       SELECT gen_random_uuid(), 'official' || n || '.' || md5(m.id) || '@example.org', 'Official ' || n || ', ' || m.name, 'city_official', m.id, true
       FROM members m CROSS JOIN generate_series(1, 2) AS n`,
    );
    const recipients = (await stack.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n as number;

    const memory: number[] = [];
    const sampler = setInterval(() => memory.push(process.memoryUsage().rss), 250);
    const profiler = values.profile ? await startProfiler() : undefined;
    const statementsBefore = statements.count;
    let ownStatements = 0;
    const cpuBefore = process.cpuUsage();
    const sinkBefore = await sink.stats();
    const started = performance.now();
    await app.get(DigestsService).runWeek(WEEK, false);
    const enqueuedMs = performance.now() - started;
    await waitFor(async () => {
      ownStatements += 1;
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM digest_deliveries WHERE iso_week = $1 AND status <> 'queued'`, [
        WEEK,
      ]);
      return rows[0].n >= recipients;
      // Long enough for a busy machine: before the changes of 3 December evening a 14,000-recipient week took over 600 s there.
    }, 1_800_000);
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const sinkAfter = await sink.stats();
    const sinkCpuMs = (sinkAfter.cpuMicros - sinkBefore.cpuMicros) / 1000;
    const sql = statements.count - statementsBefore - ownStatements;
    clearInterval(sampler);
    if (profiler && values.profile) await profiler.stop(values.profile);
    const { rows } = await stack.db.query(`SELECT status, count(*)::int AS n FROM digest_deliveries GROUP BY status ORDER BY status`);
    const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
    const fifth = Math.floor(memory.length / 5);
    process.stdout.write(
      [
        `recipients: ${recipients}`,
        `deliveries: ${rows.map((row) => `${row.status} ${row.n}`).join(', ')}; SMTP sink accepted ${sinkAfter.accepted}`,
        `enqueued in ${(enqueuedMs / 1000).toFixed(1)} s; all delivered in ${(totalMs / 1000).toFixed(1)} s (${Math.round(recipients / (totalMs / 1000))} messages/s)`,
        `CPU time of the process during the run: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (${((cpu.user + cpu.system) / 1000 / recipients).toFixed(2)} ms per recipient); load average ${loadavg()[0].toFixed(1)}`,
        `CPU time of the SMTP sink (its own process): ${(sinkCpuMs / 1000).toFixed(1)} s (${(sinkCpuMs / recipients).toFixed(2)} ms per recipient)`,
        `SQL statements during the run: ${sql} (${(sql / recipients).toFixed(1)} per recipient)`,
        `RSS: first fifth max ${mb(Math.max(...memory.slice(0, fifth)))}, last fifth max ${mb(Math.max(...memory.slice(-fifth)))}, peak ${mb(Math.max(...memory))}`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
    await stack.dispose();
    sink.close();
  }
}

/** The SMTP sink in a child process (test/bench/smtp-sink-process.ts), so that it does not share the jobs' event loop. */
async function startSinkProcess(): Promise<{ url: string; stats(): Promise<SinkStats>; close(): void }> {
  const child = fork(require.resolve('./smtp-sink-process'), { execArgv: ['-r', '@swc-node/register'] });
  const [{ url }] = (await once(child, 'message')) as [{ url: string }];
  return {
    url,
    async stats() {
      child.send('stats');
      const [stats] = (await once(child, 'message')) as [SinkStats];
      return stats;
    },
    close: () => child.disconnect(),
  };
}

/** Counts the statements every pg client of this process sends (the app's pool and the benchmark's own). */
function countStatements(): { count: number } {
  const counter = { count: 0 };
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    counter.count += 1;
    return query.apply(this, args);
  } as typeof Client.prototype.query;
  return counter;
}

async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      process.stdout.write(`CPU profile of the run written to ${file}\n`);
    },
  };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
