/**
 * npm run bench:matches [-- --seconds 10 --connections 4 --only plain]
 *
 * The secretariat's network view, GET /api/v1/matches, on the embedded stack: the real app in this
 * process on a fresh DATA_DIR, seeded as `npm start` does (the demo network, 6,094 members, and its
 * partnerships), partnerships opened on 30 pairs and interest marked in 60, the suggestions and the
 * default lists computed. Then for each query: the first request (the first of all works out the
 * mutual pairs and their order, as after any change to the lists), then `--connections` loops for
 * `--seconds`, every request's latency counted. Prints p50/p95 per query (target: ≤ 50 ms p95), the
 * process's CPU time per request (app and client; less disturbed by other work on the machine than
 * latencies), and the service's own time called in-process without HTTP.
 * The client shares the app's event loop, so the figures are upper bounds. `--only` runs the queries
 * whose name contains the text (e.g. `plain` alone to compare with a build that has no filters).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfiguration } from '../../src/config/configuration';
import { DemoSeedService } from '../../src/members';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DemoPartnershipsService } from '../../src/partnerships';
import { NetworkMatchesQuery } from '../../src/partnerships/dto/network-matches.query';
import { NetworkMatchesService } from '../../src/partnerships/network-matches.service';
import { BalancedListsService } from '../../src/suggestions/balance/balanced-lists.service';
import { settle } from '../support/settle';
import { startTestAppOn, type TestApp } from '../support/test-app';
import { percentile } from './pipeline/stats';

const QUERIES: Array<[name: string, query: string]> = [
  // The floor on this machine: a request that reads nothing (the same guards, logging and serialisation).
  ['(baseline) GET /themes', '/themes'],
  ['plain (limit 50)', '/matches'],
  ['ranking=score', '/matches?ranking=score'],
  ['subregion=Melanesia', '/matches?subregion=Melanesia'],
  ['country=IN&minScore=0.6', '/matches?country=IN&minScore=0.6'],
  ['theme=disaster-resilience&offset=200', '/matches?theme=disaster-resilience&offset=200'],
  ['partnership=none&interest=none', '/matches?partnership=none&interest=none'],
  ['partnership=open', '/matches?partnership=open'],
  ['interest=mutual', '/matches?interest=mutual'],
  ['explain=true&limit=50', '/matches?explain=true&limit=50'],
  ['limit=500', '/matches?limit=500'],
];

const log = (message: string) => console.error(`[bench:matches] ${message}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '4' },
      only: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-matches-bench-'));
  const config = loadConfiguration({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', FIRST_ADMIN_TOKEN: 'off', RATE_LIMIT_PER_MINUTE: '0' });
  const t = await startTestAppOn(config, async () => rmSync(dataDir, { recursive: true, force: true }));
  try {
    await t.app.get(DemoSeedService).seedIfEmpty();
    await t.app.get(DemoPartnershipsService).seedIfNone();
    await settle(t, 900_000);
    await brokerSome(t);
    // The default lists are balanced once after the seed, as in a running app: done here, so the run does not load the measures.
    await t.app.get(BalancedListsService).rebalance();
    await settle(t, 900_000);
    const [{ members }] = await t.dataSource.query('SELECT count(*)::int AS members FROM members');
    log(`${members} members, suggestions computed`);
    const token = await t.issueToken('secretariat');
    const url = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const rows: string[] = [];
    for (const [name, query] of QUERIES.filter(([name]) => !values.only || name.includes(values.only))) {
      const coldStarted = performance.now();
      const first = await fetch(`${url}/api/v1${query}`, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await first.json()) as { total?: number; matches?: unknown[] };
      const cold = performance.now() - coldStarted;
      const run = await load(`${url}/api/v1${query}`, token, seconds, connections);
      const service = query.startsWith('/matches') ? await serviceTime(t, query) : undefined;
      const line = `| ${name} | ${body.total ?? '—'} | ${body.matches?.length ?? '—'} | ${ms(cold)} | ${ms(run.p50)} | ${ms(run.p95)} | ${run.requests} (${run.failed}) | ${ms(run.cpuPerRequest)} | ${service === undefined ? '—' : ms(service)} |`;
      log(line);
      rows.push(line);
    }
    console.log(`
GET /api/v1/matches, embedded stack, ${members} demo members, ${connections} connections × ${seconds} s per query
(load average at the end: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')})

| query | total | returned | first request | p50 | p95 | requests (failed) | CPU per request | service alone (median) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`);
  } finally {
    await t.close();
  }
}

/** Partnerships opened on 30 of the best pairs and interest marked in 60 more (30 mutual), so those filters have pairs to find. */
async function brokerSome(t: TestApp): Promise<void> {
  const { body } = await t.http.get('/api/v1/matches?ranking=score&limit=90').expect(200);
  const pairs = (body.matches as Array<{ members: Array<{ id: string }> }>).map(({ members: [a, b] }) => [a.id, b.id]);
  for (const [a, b] of pairs.slice(0, 30)) await t.http.post('/api/v1/partnerships').send({ memberA: a, memberB: b }).expect(201);
  for (const [index, [a, b]] of pairs.slice(30).entries()) {
    await t.http.post(`/api/v1/members/${a}/interests`).send({ candidateId: b }).expect(201);
    if (index % 2 === 0) await t.http.post(`/api/v1/members/${b}/interests`).send({ candidateId: a }).expect(201);
  }
  await settle(t, 900_000);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** `connections` loops calling `url` for `seconds`; every request's latency counts. */
async function load(url: string, token: string, seconds: number, connections: number) {
  const headers = { Authorization: `Bearer ${token}` };
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!response.ok) failed += 1;
      }
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  const cpuPerRequest = (user + system) / 1000 / latencies.length;
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), requests: latencies.length, failed, cpuPerRequest };
}

/** The service's own time for the query, called in-process one call at a time (no HTTP, no client): median of 20. */
async function serviceTime(t: TestApp, query: string): Promise<number> {
  const params = Object.fromEntries(new URLSearchParams(query.split('?')[1] ?? ''));
  const dto = plainToInstance(NetworkMatchesQuery, params);
  const errors = await validate(dto);
  if (errors.length > 0) throw new Error(`${query}: ${JSON.stringify(errors)}`);
  const service = t.app.get(NetworkMatchesService);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await service.matches(dto);
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
