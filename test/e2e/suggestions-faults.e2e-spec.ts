import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { APP_CONFIG } from '../../src/config/config.module';
import type { AppConfig } from '../../src/config/configuration';
import { BullMqJobQueue } from '../../src/jobs/bullmq-job-queue';
import { JobQueue } from '../../src/jobs/job-queue';
import type { MemberRecord } from '../../src/members/member-record';
import { sampleMembers } from '../support/random-members';
import { settle, storedAndFresh } from '../support/settle';
import { startTestApp, startTestAppOn, type TestApp } from '../support/test-app';
import { createTestStack, TEST_STACK } from '../support/test-stack';

/**
 * Faults that only a real deployment has: a worker process killed mid-recompute, Redis going away
 * while members change, and many writers at once. Each ends with the stored suggestions equal to a
 * clean full recompute. They need PostgreSQL, Redis and separate processes: services stack only.
 */
const ROOT = resolve(__dirname, '../..');
const SUGGESTIONS_ENV = { SUGGESTIONS_K: '10', RECOMPUTE_CRON: 'off' };
/** Pages no longer than the stored lists are read from them; a longer one would be ranked live. */
const STORED_PAGE = `?limit=${SUGGESTIONS_ENV.SUGGESTIONS_K}`;

/** Every process a test starts, so that none outlives it whatever fails. */
const children = new Set<ChildProcess>();

function startProcess(command: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  return { child, output: () => output };
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (!alive(child)) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

async function killAll(): Promise<void> {
  await Promise.all([...children].map((child) => stopProcess(child, 'SIGKILL')));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

/** A standalone worker process (`src/worker.ts`) on the test app's database and queue prefix. */
async function startWorker(t: TestApp, env: Record<string, string>) {
  const config = t.app.get<AppConfig>(APP_CONFIG);
  if (config.database.kind !== 'postgres' || config.queue.kind !== 'bullmq') throw new Error('workers need the services stack');
  const worker = startProcess(process.execPath, ['-r', '@swc-node/register', 'src/worker.ts'], {
    DATABASE_URL: config.database.url,
    REDIS_URL: config.queue.redisUrl,
    QUEUE_PREFIX: config.queue.prefix,
    LOG_LEVEL: 'info',
    ...env,
  });
  await waitFor(
    'a worker process to start',
    async () => {
      if (!alive(worker.child)) throw new Error(`worker exited early:\n${worker.output()}`);
      return worker.output().includes('processing jobs with concurrency');
    },
    45_000,
    100,
  );
  return worker;
}

/** A port in 20000-30000 that nothing listens on now. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((done) => {
      const server = createServer().once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
}

/** A private, throwaway Redis: the shared one on 6379 serves other test files and is never stopped. */
async function startRedis(port: number, dir: string) {
  const redis = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, dir);
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await waitFor(
      'redis-server to answer',
      async () => {
        if (!alive(redis.child)) throw new Error(`redis-server exited:\n${redis.output()}`);
        return client.connect().then(
          () => client.ping(),
          () => undefined,
        );
      },
      10_000,
    );
  } finally {
    client.disconnect();
  }
  return redis;
}

/** The real API on a private stack, but with its queue on the given Redis. */
async function startAppOnRedis(redisUrl: string, env: Record<string, string>): Promise<TestApp> {
  const stack = await createTestStack(env);
  if (stack.config.queue.kind !== 'bullmq') throw new Error('services stack expected');
  return startTestAppOn({ ...stack.config, queue: { ...stack.config.queue, redisUrl } }, () => stack.dispose());
}

const listOf = (body: { suggestions: Array<{ memberId: string; score: number }> }) =>
  body.suggestions.map(({ memberId, score }) => ({ memberId, score }));

/** Lists of the current generation that are empty, out of score order or name a candidate twice, and rows of other generations. */
async function malformedLists(t: TestApp) {
  const [{ id }] = await t.dataSource.query('SELECT current_generation_id AS id FROM suggestion_state WHERE id = 1');
  const emptyLists = await t.dataSource.query(
    'SELECT member_id FROM suggestion_lists WHERE generation_id = $1 AND cardinality(candidate_ids) = 0',
    [id],
  );
  const unordered = await t.dataSource.query(
    `SELECT member_id FROM suggestion_lists l WHERE generation_id = $1
     AND EXISTS (SELECT 1 FROM generate_subscripts(l.scores, 1) AS i WHERE i > 1 AND l.scores[i] > l.scores[i - 1])`,
    [id],
  );
  const duplicateCandidates = await t.dataSource.query(
    `SELECT member_id FROM suggestion_lists l WHERE generation_id = $1
     AND cardinality(candidate_ids) <> (SELECT count(DISTINCT c) FROM unnest(l.candidate_ids) AS c)`,
    [id],
  );
  const otherGenerations = await t.dataSource.query(
    'SELECT generation_id, count(*)::int FROM suggestion_lists WHERE generation_id <> $1 GROUP BY 1',
    [id],
  );
  return { emptyLists, unordered, duplicateCandidates, otherGenerations };
}

const WELL_FORMED = { emptyLists: [], unordered: [], duplicateCandidates: [], otherGenerations: [] };

if (TEST_STACK === 'services') {
  describe('suggestions survive faults (PostgreSQL + Redis, separate processes)', () => {
    afterAll(killAll, 30_000); // a safety net: each scenario stops its own processes

    describe('a worker process SIGKILLed in the middle of a full recompute', () => {
      const env = { ...SUGGESTIONS_ENV, RECOMPUTE_SHARD_SIZE: '10' };
      const before = sampleMembers(400, 101);
      const after = sampleMembers(400, 9001); // same ids, other data: a second full recompute
      const watched = ['m000', 'm123', 'm399'];
      let t: TestApp;
      let workers: Array<Awaited<ReturnType<typeof startWorker>>>;
      const previous: Record<string, { generation: { id: number }; suggestions: Array<{ memberId: string; score: number }> }> = {};

      // The API runs no jobs: two worker processes share them, and the first generation is in place.
      beforeAll(async () => {
        t = await startTestApp({ ...env, WORKERS: 'off' });
        workers = await Promise.all([1, 2].map(() => startWorker(t, { ...env, WORKER_CONCURRENCY: '1' })));
        await t.http.post('/api/v1/members/import').send(before).expect(200);
        await settle(t, 30_000);
        for (const id of watched) previous[id] = (await t.http.get(`/api/v1/members/${id}/suggestions${STORED_PAGE}`).expect(200)).body;
      }, 80_000);
      afterAll(async () => {
        await killAll();
        await t?.close();
      }, 30_000);

      it('the other worker takes over its shard, the API answers from the previous generation meanwhile, and the result equals a clean recompute', async () => {
        const oldGeneration = previous.m000.generation.id;

        await t.http.post('/api/v1/members/import').send(after).expect(200);
        // Both workers hold a shard (concurrency 1 each) and at least one shard is stored: mid-recompute.
        const building = await waitFor(
          'both workers busy with shards',
          async () => {
            const { body } = await t.http.get('/api/v1/recompute/status').expect(200);
            return body.building?.shardsDone > 0 && body.queue.counts.active >= 2 && body.building;
          },
          20_000,
          10,
        );
        await stopProcess(workers[0].child, 'SIGKILL');
        const killedAt = Date.now();
        expect(building.shardsDone).toBeLessThan(building.shardsTotal);

        // Until the switch, every read is the previous generation, list for list; once a reader has seen
        // the new one (its lists load after the switch), never the previous again.
        const seen: Record<string, number[]> = Object.fromEntries(watched.map((id) => [id, []]));
        await waitFor(
          'the new generation to become current',
          async () => {
            const { body: status } = await t.http.get('/api/v1/recompute/status').expect(200);
            for (const id of watched) {
              const { body } = await t.http.get(`/api/v1/members/${id}/suggestions${STORED_PAGE}`).expect(200);
              seen[id].push(body.generation.id);
              if (body.generation.id === oldGeneration) expect(listOf(body)).toEqual(listOf(previous[id]));
              else expect(body.generation.id).toBe(building.id);
            }
            if (status.building?.id === building.id) expect(status.current.id).toBe(oldGeneration);
            return status.current?.id === building.id && watched.every((id) => seen[id].at(-1) === building.id);
          },
          75_000,
          250,
        );
        for (const ids of Object.values(seen)) {
          expect(ids).toEqual([...ids].sort((a, b) => a - b)); // old ones, then new ones: no going back
          expect(ids.at(-1)).toBe(building.id);
        }
        expect(
          Object.values(seen)
            .flat()
            .filter((id) => id === oldGeneration).length,
        ).toBeGreaterThan(0);
        expect(workers[0].child.signalCode).toBe('SIGKILL');
        expect(alive(workers[1].child)).toBe(true);

        // The killed worker's shard came back through BullMQ's stalled-job check, not by luck.
        const queue = (t.app.get(JobQueue) as BullMqJobQueue).queue;
        const shards = (await queue.getCompleted(0, -1)).filter(
          (job) => job.name === 'suggestions.shard' && job.data.generationId === building.id,
        );
        expect(shards).toHaveLength(building.shardsTotal);
        expect(shards.filter((job) => job.stalledCounter > 0).length).toBeGreaterThan(0);

        await settle(t, 15_000);
        const { body: status } = await t.http.get('/api/v1/recompute/status').expect(200);
        expect(status.current).toMatchObject({ id: building.id, state: 'complete', memberCount: 400, shardsDone: building.shardsTotal });
        const { stored, fresh } = await storedAndFresh(t);
        expect(stored.length).toBeGreaterThan(350);
        expect(stored).toEqual(fresh);
        expect(await malformedLists(t)).toEqual(WELL_FORMED);
        expect(Date.now() - killedAt).toBeLessThan(60_000);
      }, 90_000);
    });

    describe('Redis stopped while members change, then started again', () => {
      const members = sampleMembers(80, 202);
      let redisDir: string;
      let port: number;
      let redis: ChildProcess;
      let t: TestApp;

      beforeAll(async () => {
        redisDir = mkdtempSync(join(tmpdir(), 'citymatch-redis-'));
        port = await freePort();
        redis = (await startRedis(port, redisDir)).child;
        t = await startAppOnRedis(`redis://127.0.0.1:${port}`, { ...SUGGESTIONS_ENV, RECOMPUTE_SHARD_SIZE: '20' });
        await t.http.post('/api/v1/members/import').send(members).expect(200);
        await settle(t, 30_000);
      }, 60_000);
      afterAll(async () => {
        // The app closes cleanly only with its Redis up (BullMQ waits for it), so bring it back if a failure left it down.
        if (redis && !alive(redis)) redis = (await startRedis(port, redisDir)).child;
        await t?.close();
        await killAll();
        rmSync(redisDir, { recursive: true, force: true });
      }, 30_000);

      it('keeps accepting changes into the outbox, loses none, and converges once Redis is back', async () => {
        await stopProcess(redis, 'SIGTERM');

        // With Redis down, every kind of change is still accepted promptly: it waits in the outbox.
        const changed: Record<string, number> = {};
        const startedAt = Date.now();
        for (const [index, member] of members.slice(0, 30).entries()) {
          const { body } = await t.http.get(`/api/v1/members/${member.id}`).expect(200);
          const population = 10_000 + index * 7_919;
          await t.http
            .patch(`/api/v1/members/${member.id}`)
            .send({ version: body.version, population, needs: { culture: 1 + (index % 3) } })
            .expect(200);
          changed[member.id] = population;
        }
        await t.http.delete(`/api/v1/members/${members[40].id}`).expect(200);
        await t.http.post(`/api/v1/members/${members[41].id}/dismissals`).send({ candidateId: members[42].id }).expect(201);
        await t.http.put('/api/v1/matching/weights').send({ thematic: 0.5, geo: 0.1 }).expect(200);
        expect(Date.now() - startedAt).toBeLessThan(15_000);
        const [{ pending }] = await t.dataSource.query('SELECT count(*)::int AS pending FROM outbox');
        expect(pending).toBeGreaterThan(0);

        redis = (await startRedis(port, redisDir)).child;
        // And after it is back, a change is taken straight away.
        const { body: late } = await t.http.get(`/api/v1/members/${members[50].id}`).expect(200);
        await t.http.patch(`/api/v1/members/${members[50].id}`).send({ version: late.version, population: 123_456 }).expect(200);
        changed[members[50].id] = 123_456;

        await settle(t, 45_000);
        const [{ outbox }] = await t.dataSource.query('SELECT count(*)::int AS outbox FROM outbox');
        expect(outbox).toBe(0);
        for (const [id, population] of Object.entries(changed)) {
          expect((await t.http.get(`/api/v1/members/${id}`).expect(200)).body.population).toBe(population);
        }
        const { body: status } = await t.http.get('/api/v1/recompute/status').expect(200);
        expect(status.current.reason).toBe('weights changed');
        expect(status.current.weights).toMatchObject((await t.http.get('/api/v1/matching/weights').expect(200)).body);
        const { stored, fresh } = await storedAndFresh(t);
        expect(stored.length).toBeGreaterThan(70);
        expect(stored).toEqual(fresh);
        expect(await malformedLists(t)).toEqual(WELL_FORMED);
      }, 90_000);
    });

    describe('many concurrent writers', () => {
      const members = sampleMembers(150, 303);
      let t: TestApp;

      beforeAll(async () => {
        t = await startTestApp({ ...SUGGESTIONS_ENV, RECOMPUTE_SHARD_SIZE: '50' });
        await t.http.post('/api/v1/members/import').send(members).expect(200);
        await settle(t, 30_000);
      }, 60_000);
      afterAll(() => t?.close(), 30_000);

      /**
       * The 20 writers of one member all read the same version first, so exactly one wins and 19 get
       * 409 (the version check is atomic); then each loser re-reads and retries until its change
       * lands, so all 20 changes are applied one after another and the last one stays.
       */
      it('100 updates to different members and 20 to the same member converge, with no duplicate or missing rows', async () => {
        const targets = members.slice(0, 100);
        const contended = members[120].id;
        const read = async (id: string) => (await t.http.get(`/api/v1/members/${id}`).expect(200)).body;
        const versions = await Promise.all(targets.map((member) => read(member.id).then((body) => body.version as number)));
        const base = (await read(contended)).version as number;
        const populations = Array.from({ length: 20 }, (_, index) => 50_000 + index * 104_729);
        const patchContended = (version: number, population: number) =>
          t.http.patch(`/api/v1/members/${contended}`).send({ version, population, needs: { culture: 1 + (population % 3) } });

        const [spread, sameVersion] = await Promise.all([
          Promise.all(
            targets.map((member, index) =>
              t.http.patch(`/api/v1/members/${member.id}`).send({ version: versions[index], ...changeOf(member, index) }),
            ),
          ),
          Promise.all(populations.map((population) => patchContended(base, population))),
        ]);
        expect(spread.map((response) => response.status)).toEqual(targets.map(() => 200));
        expect(sameVersion.filter((response) => response.status === 200)).toHaveLength(1);
        const conflicts = sameVersion.filter((response) => response.status === 409);
        expect(conflicts).toHaveLength(19);
        for (const response of conflicts) expect(response.body.currentVersion).toBe(base + 1);

        const winner = sameVersion.findIndex((response) => response.status === 200);
        const landed = new Map<number, number>([[sameVersion[winner].body.version, populations[winner]]]); // version -> population
        await Promise.all(
          populations.map(async (population, index) => {
            if (index === winner) return;
            for (let attempt = 0; attempt < 100; attempt++) {
              const response = await patchContended((await read(contended)).version, population);
              if (response.status === 200) return void landed.set(response.body.version, population);
              expect(response.status).toBe(409);
            }
            throw new Error(`change ${index} never landed`);
          }),
        );
        expect([...landed.keys()].sort((a, b) => a - b)).toEqual(populations.map((_, index) => base + 1 + index));
        const final = await read(contended);
        expect(final.version).toBe(base + 20);
        expect(final.population).toBe(landed.get(base + 20));

        await settle(t, 45_000);
        const { stored, fresh } = await storedAndFresh(t);
        expect(stored.length).toBeGreaterThan(130);
        expect(stored).toEqual(fresh);
        expect(await malformedLists(t)).toEqual(WELL_FORMED);
        const [{ rows }] = await t.dataSource.query(
          `SELECT coalesce(sum(cardinality(scores)), 0)::int AS rows FROM suggestion_lists
           WHERE generation_id = (SELECT current_generation_id FROM suggestion_state WHERE id = 1)`,
        );
        expect(rows).toBe(fresh.reduce((sum, { list }) => sum + list.length, 0));
      }, 90_000);
    });
  });
} else {
  it('runs on the services stack only', () => expect(TEST_STACK).toBe('embedded'));
}

/** A change to scored fields that differs per member. */
function changeOf(member: MemberRecord, index: number): Partial<MemberRecord> {
  return index % 2 === 0
    ? { population: member.population + 1_000 * (index + 1) }
    : { needs: { ...member.needs, environment: 1 + (index % 3) } };
}
