import { Cron } from 'croner';
import { BullMqJobQueue } from '../../src/jobs/bullmq-job-queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { DIGESTS_TICK_SCHEDULER, DORMANCY_SCHEDULER, NIGHTLY_RECOMPUTE_SCHEDULER } from '../../src/jobs/job-names';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { sampleMembers } from '../support/random-members';
import { settle, storedAndFresh } from '../support/settle';
import { startTestApp, startTestAppOn, type TestApp } from '../support/test-app';
import { createTestStack, TEST_STACK } from '../support/test-stack';

/**
 * The nightly recompute's schedule on both stacks, and on the services stack what a misbehaving
 * Redis does to the API: frozen (SIGSTOP), nothing stalls; emptied (FLUSHALL), the schedules come back.
 */
const NIGHTLY = '0 3 * * *';
const expectedNextRun = () => new Cron(NIGHTLY).nextRun()!.toISOString();

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe(`the nightly recompute's next run on the ${TEST_STACK} stack`, () => {
  it('is on the recompute status, from the scheduler itself', async () => {
    const t = await startTestApp({ RECOMPUTE_CRON: NIGHTLY });
    try {
      const { body } = await t.http.get('/api/v1/recompute/status').expect(200);
      expect(body.nightly).toEqual({ cron: NIGHTLY, nextRun: expectedNextRun() });
    } finally {
      await t.close();
    }
  });

  it('is null when the nightly recompute is switched off', async () => {
    const t = await startTestApp({ RECOMPUTE_CRON: 'off' });
    try {
      const { body } = await t.http.get('/api/v1/recompute/status').expect(200);
      expect(body.nightly).toEqual({ cron: null, nextRun: null });
    } finally {
      await t.close();
    }
  });
});

if (TEST_STACK === 'services') {
  describe('a private Redis that freezes or loses its data', () => {
    const members = sampleMembers(40, 1717);
    let redis: PrivateRedis;
    let t: TestApp;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      // Rate limits on, so that every request counts in Redis; schedules checked every second.
      const stack = await createTestStack({
        SUGGESTIONS_K: '10',
        RECOMPUTE_CRON: NIGHTLY,
        RATE_LIMIT_PER_MINUTE: '100000',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
        SCHEDULE_CHECK_SECONDS: '1',
      });
      if (stack.config.queue.kind !== 'bullmq') throw new Error('services stack expected');
      t = await startTestAppOn({ ...stack.config, queue: { ...stack.config.queue, redisUrl: redis.url } }, () => stack.dispose());
      await t.http.post('/api/v1/members/import').send(members).expect(200);
      await settle(t, 30_000);
    }, 60_000);
    afterAll(async () => {
      redis?.thaw();
      await t?.close();
      await redis?.stop();
    }, 30_000);

    it('answers reads, refusals and writes while Redis is frozen; the write waits in the outbox and is applied once it thaws', async () => {
      const target = members[1].id;
      const { body: before } = await t.http.get(`/api/v1/members/${target}`).expect(200);
      redis.freeze();
      // If anything waited for Redis, it would wait until this thaw: the test then fails below.
      let thawedEarly = false;
      const safety = setTimeout(() => {
        thawedEarly = true;
        redis.thaw();
      }, 40_000);

      const latencies: Record<string, number> = {};
      const timed = async <T>(label: string, call: () => PromiseLike<T>): Promise<T> => {
        const started = performance.now();
        const result = await call();
        latencies[label] = Math.round(performance.now() - started);
        return result;
      };
      const suggestions = await timed('suggestions read', () => t.http.get(`/api/v1/members/${members[0].id}/suggestions`));
      const themes = await timed('themes read', () => t.http.get('/api/v1/themes'));
      const anonymous = await timed('anonymous request', () => t.anonymous.get('/api/v1/members'));
      const patch = await timed('member PATCH', () =>
        t.http.patch(`/api/v1/members/${target}`).send({ version: before.version, population: before.population + 4321 }),
      );
      const health = await timed('health', () => t.anonymous.get('/health'));
      const frozenOutbox = await t.dataSource.query('SELECT job_name, payload FROM outbox ORDER BY id');
      clearTimeout(safety);
      expect(thawedEarly).toBe(false);
      redis.thaw();
      console.log(`answers while Redis was frozen (ms): ${JSON.stringify(latencies)}`);

      expect(suggestions.status).toBe(200);
      expect(suggestions.body.suggestions.length).toBeGreaterThan(0);
      expect(themes.status).toBe(200);
      expect(anonymous.status).toBe(401);
      expect(patch.status).toBe(200);
      expect(patch.body.population).toBe(before.population + 4321);
      expect(health.status).toBe(503);
      // Terminus names the indicators that are up; the queue is not among them.
      expect(health.body).toMatchObject({ status: 'error', info: { database: { status: 'up' } } });
      expect(health.body.info.queue).toBeUndefined();
      const [{ population }] = await t.dataSource.query('SELECT population FROM members WHERE id = $1', [target]);
      expect(population).toBe(before.population + 4321);
      expect(frozenOutbox).toContainEqual({ job_name: 'member.changed', payload: { memberId: target } });

      // Thawed: the outbox drains through Redis and the stored lists take the change in.
      await settle(t, 45_000);
      const [{ outbox }] = await t.dataSource.query('SELECT count(*)::int AS outbox FROM outbox');
      expect(outbox).toBe(0);
      const { stored, fresh } = await storedAndFresh(t);
      expect(stored.length).toBeGreaterThan(30);
      expect(stored).toEqual(fresh);
      expect((await t.anonymous.get('/health')).status).toBe(200);
    }, 90_000);

    it('registers every job scheduler again after Redis lost its data, and the status shows the next nightly run', async () => {
      const queue = (t.app.get(JobQueue) as BullMqJobQueue).queue;
      const schedulers = [NIGHTLY_RECOMPUTE_SCHEDULER, DORMANCY_SCHEDULER, DIGESTS_TICK_SCHEDULER];
      for (const name of schedulers) expect(await queue.getJobScheduler(name)).toBeDefined();

      await redis.client.flushall();
      await waitFor(
        'the job schedulers to be registered again',
        async () => (await Promise.all(schedulers.map((name) => queue.getJobScheduler(name)))).every(Boolean),
        20_000,
      );
      const { body } = await t.http.get('/api/v1/recompute/status').expect(200);
      expect(body.nightly).toEqual({ cron: NIGHTLY, nextRun: expectedNextRun() });

      // And the queue still runs jobs: a change after the flush reaches the stored lists.
      const target = members[2].id;
      const { body: member } = await t.http.get(`/api/v1/members/${target}`).expect(200);
      await t.http
        .patch(`/api/v1/members/${target}`)
        .send({ version: member.version, population: member.population + 99 })
        .expect(200);
      await settle(t, 30_000);
      const { stored, fresh } = await storedAndFresh(t);
      expect(stored).toEqual(fresh);
    }, 60_000);
  });

  describe('a private Redis restarted without its data', () => {
    let redis: PrivateRedis;
    let t: TestApp;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      // No periodic check within the test: only the reconnect can bring the schedulers back.
      const stack = await createTestStack({ RECOMPUTE_CRON: NIGHTLY, SCHEDULE_CHECK_SECONDS: '3600' });
      if (stack.config.queue.kind !== 'bullmq') throw new Error('services stack expected');
      t = await startTestAppOn({ ...stack.config, queue: { ...stack.config.queue, redisUrl: redis.url } }, () => stack.dispose());
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await redis?.stop();
    }, 30_000);

    it('registers the job schedulers again as soon as the API reconnects', async () => {
      const queue = (t.app.get(JobQueue) as BullMqJobQueue).queue;
      const schedulers = [NIGHTLY_RECOMPUTE_SCHEDULER, DORMANCY_SCHEDULER, DIGESTS_TICK_SCHEDULER];
      await redis.restart();
      await waitFor(
        'the job schedulers to be registered again',
        async () => (await Promise.all(schedulers.map((name) => queue.getJobScheduler(name).catch(() => undefined)))).every(Boolean),
        20_000,
      );
      const { body } = await t.http.get('/api/v1/recompute/status').expect(200);
      expect(body.nightly).toEqual({ cron: NIGHTLY, nextRun: expectedNextRun() });
    }, 60_000);
  });
}
