/**
 * npm run bench:brokering [-- --partnerships 20000 --seconds 10 --samples 20 --no-docs]
 *
 * Brokering on PostgreSQL + Redis: the real app (in this process) on a private database and Redis
 * prefix, the demo seed's GeoNames members, and N synthetic partnerships across every stage over
 * three years. Measures, at 20 connections, GET /partnerships/board, a filtered page of
 * GET /partnerships and GET /health as the floor (p95 of every request), then the time from moving a partnership to agreement
 * until both members' suggestion lists no longer hold the other. Written to the "Brokering"
 * section of docs/benchmarks.md.
 */
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';
import { percentile, seededRandom } from './pipeline/stats';

const CONNECTIONS = 20;
const log = (message: string) => console.error(`[bench:brokering] ${message}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partnerships: { type: 'string', default: '20000' },
      seconds: { type: 'string', default: '10' },
      samples: { type: 'string', default: '20' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  process.env.CITYMATCH_TEST_STACK = 'services';
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  const t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' });
  try {
    const members = loadGeoNamesProfiles(DEMO_SEED);
    for (let start = 0; start < members.length; start += 1000)
      await t.http
        .post('/api/v1/members/import')
        .send(members.slice(start, start + 1000))
        .expect(200);
    await settle(t, 600_000);
    log(`${members.length} members, suggestions computed`);
    const count = Number(values.partnerships);
    await seedPartnerships(
      t,
      members.map((m) => m.id),
      count,
    );
    // Statistics as autovacuum would have them a minute after such a load: without them the planner guesses how many
    // partnerships each stage holds, and a page with a stage filter was read by sorting the whole stage.
    await t.dataSource.query('ANALYZE partnerships, partnership_stage_changes');
    log(`${count} partnerships`);

    const token = await t.issueToken('secretariat');
    const url = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const seconds = Number(values.seconds);
    // The board's figures are worked out once per state of the partnerships: the first request pays for them.
    const coldStarted = performance.now();
    const cold = await fetch(`${url}/api/v1/partnerships/board`, { headers: { Authorization: `Bearer ${token}` } });
    await cold.arrayBuffer();
    const boardCold = performance.now() - coldStarted;
    log(`board, first request after a change ${boardCold.toFixed(1)} ms`);
    const board = await load(`${url}/api/v1/partnerships/board`, token, seconds);
    log(`board p95 ${board.p95.toFixed(1)} ms`);
    const filtered = await load(
      `${url}/api/v1/partnerships?stage=implementing&subregion=South-Eastern%20Asia&sort=updated&limit=50`,
      token,
      seconds,
    );
    log(`filtered list p95 ${filtered.p95.toFixed(1)} ms`);
    // What any request costs in this set-up, client included: the same load on a route with one database round trip.
    const floor = await load(`${url}/health`, token, seconds);
    log(`health p95 ${floor.p95.toFixed(1)} ms`);
    const agreement = await agreementLatency(t, Number(values.samples));
    log(`agreement → both lists p95 ${agreement.p95.toFixed(0)} ms`);

    const section = render(members.length, count, seconds, boardCold, board, filtered, floor, agreement);
    console.log(section);
    if (!values['no-docs']) writeSection(section);
  } finally {
    await t.close();
  }
}

/** Synthetic partnerships in bulk, spread over every stage and three years, each with its opening in the history. */
async function seedPartnerships(t: TestApp, ids: string[], count: number): Promise<void> {
  const random = seededRandom(7);
  const stages = [
    'interest',
    'introduced',
    'exploring',
    'agreement',
    'implementing',
    'implementing',
    'implementing',
    'dormant',
    'declined',
    'ended',
  ];
  const themes = ['climate-change', 'disaster-resilience', 'culture', 'environment', 'tourism', 'education'];
  const rows = [];
  for (let i = 0; i < count; i++) {
    const a = ids[Math.floor(random() * ids.length)];
    const b = ids[Math.floor(random() * ids.length)];
    if (a === b) continue;
    const daysAgo = Math.floor(random() * 3 * 365);
    rows.push({
      a: a < b ? a : b,
      b: a < b ? b : a,
      stage: stages[Math.floor(random() * stages.length)],
      theme: themes[Math.floor(random() * themes.length)],
      opened: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      changed: new Date(Date.now() - Math.floor(random() * daysAgo) * 86_400_000).toISOString(),
    });
  }
  for (let start = 0; start < rows.length; start += 2000) {
    await t.dataSource.query(
      `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(a text, b text, stage text, theme text, opened timestamptz, changed timestamptz)),
       p AS (INSERT INTO partnerships (id, member_a, member_b, kind, themes, stage, origin, synthetic, opened_at, stage_changed_at, updated_at)
         SELECT gen_random_uuid(), a, b, 'twinning', ARRAY[theme], stage, 'secretariat', true, opened, changed, changed FROM r
         ON CONFLICT DO NOTHING RETURNING id, stage, opened_at, stage_changed_at)
       INSERT INTO partnership_stage_changes (partnership_id, from_stage, to_stage, at)
       SELECT id, NULL, 'interest', opened_at FROM p UNION ALL SELECT id, 'interest', stage, stage_changed_at FROM p WHERE stage <> 'interest'`,
      [JSON.stringify(rows.slice(start, start + 2000))],
    );
  }
}

/**
 * CONNECTIONS loops calling `url` for `seconds`; every request's latency counts. The client runs in a thread of its own
 * (plain JavaScript, so it needs no loader), as a real client would run elsewhere: on the app's event loop it would be
 * timed as part of the app.
 */
async function load(url: string, token: string, seconds: number): Promise<Load> {
  const client = `
    const { parentPort, workerData: { url, token, seconds, connections } } = require('node:worker_threads');
    const headers = { Authorization: 'Bearer ' + token };
    const latencies = [];
    let failed = 0;
    const until = performance.now() + seconds * 1000;
    Promise.all(Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!response.ok) failed += 1;
      }
    })).then(() => parentPort.postMessage({ latencies, failed }));`;
  const worker = new Worker(client, { eval: true, workerData: { url, token, seconds, connections: CONNECTIONS } });
  const [{ latencies, failed }] = (await once(worker, 'message')) as [{ latencies: number[]; failed: number }];
  await worker.terminate();
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), requests: latencies.length, failed };
}

/** Pairs that are in each other's lists, moved to agreement one at a time: time until both lists drop the other. */
async function agreementLatency(t: TestApp, samples: number) {
  const matches: Array<{ members: Array<{ id: string }> }> = (await t.http.get(`/api/v1/matches?limit=${samples * 3}`).expect(200)).body
    .matches;
  const suggested = async (member: string) =>
    ((await t.http.get(`/api/v1/members/${member}/suggestions`).expect(200)).body.suggestions as Array<{ memberId: string }>).map(
      (s) => s.memberId,
    );
  const times: number[] = [];
  for (const match of matches) {
    if (times.length >= samples) break;
    const [a, b] = match.members.map((m) => m.id);
    const opened = await t.http.post('/api/v1/partnerships').send({ memberA: a, memberB: b });
    if (opened.status !== 201) continue;
    let version = opened.body.version;
    for (const to of ['introduced', 'exploring'])
      version = (await t.http.post(`/api/v1/partnerships/${opened.body.id}/transitions`).send({ to, version }).expect(201)).body.version;
    const agreement = { signedOn: new Date().toISOString().slice(0, 10), signatories: ['Mayor', 'Mayor'] };
    const started = performance.now();
    await t.http.post(`/api/v1/partnerships/${opened.body.id}/transitions`).send({ to: 'agreement', version, agreement }).expect(201);
    while ((await suggested(a)).includes(b) || (await suggested(b)).includes(a)) await new Promise((resolve) => setTimeout(resolve, 5));
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length };
}

interface Load {
  p50: number;
  p95: number;
  requests: number;
  failed: number;
}

function render(
  members: number,
  count: number,
  seconds: number,
  boardCold: number,
  board: Load,
  filtered: Load,
  floor: Load,
  agreement: Awaited<ReturnType<typeof agreementLatency>>,
): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const loadAverage = loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
  return `## Brokering

\`npm run bench:brokering\` — PostgreSQL + Redis, the app in the benchmark's process and its HTTP client in a thread of its
own (on the app's event loop the client would be timed as part of the app), ${members} demo-seed members, ${count} synthetic partnerships over every stage and three years,
${CONNECTIONS} connections for ${seconds} s per route; p95 of every request.

The filtered list reads its page through the (stage, updated_at, id) index and stops after the page; the database writes
the page as JSON (json_agg), which the app sends as it is. The page and its total are kept with the board's figures per
state of the partnerships and minute: the state is a counter that every committed change moves (migration
1765000000000), read on each request, so a kept page costs one small read. GET /health, one database and one Redis round trip with a
small answer, shows what any request costs in this set-up: at ${CONNECTIONS} connections on one event loop, a route's
latency is about ${CONNECTIONS} times its CPU time per request.

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores, load average ${loadAverage} (1, 5, 15 min)
as the measures ended.

| measure | target | p50 | p95 | requests (failed) |
|---|---|---|---|---|
| GET /partnerships/board | ≤ 50 ms p95 | ${ms(board.p50)} | ${ms(board.p95)} | ${board.requests} (${board.failed}) |
| GET /partnerships/board, first request after a change (works the figures out) | | ${ms(boardCold)} | | 1 |
| GET /partnerships?stage=implementing&subregion=…&sort=updated | ≤ 30 ms p95 | ${ms(filtered.p50)} | ${ms(filtered.p95)} | ${filtered.requests} (${filtered.failed}) |
| GET /health (the floor: one database and one Redis round trip) | | ${ms(floor.p50)} | ${ms(floor.p95)} | ${floor.requests} (${floor.failed}) |
| agreement → both suggestion lists updated (${agreement.samples} pairs) | ≤ 250 ms p95 | ${ms(agreement.p50)} | ${ms(agreement.p95)} | |
`;
}

function writeSection(section: string): void {
  const path = join(__dirname, '../../docs/benchmarks.md');
  const docs = readFileSync(path, 'utf8');
  const start = docs.indexOf('## Brokering');
  const end = start < 0 ? -1 : docs.indexOf('\n## ', start + 1);
  const next = start < 0 ? `${docs.trimEnd()}\n\n${section}` : `${docs.slice(0, start)}${section}${end < 0 ? '' : docs.slice(end + 1)}`;
  writeFileSync(path, next);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
