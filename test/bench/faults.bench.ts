/**
 * A frozen Redis: how long reads, refusals and writes take while a private redis-server is stopped
 * with SIGSTOP (a stuck failover or a network partition looks the same), against the same requests
 * with Redis answering, and how long the outbox takes to drain once it thaws. Services stack
 * (PostgreSQL from TEST_DATABASE_URL, default the local one); the shared Redis is not touched.
 *
 *   npm run bench:faults [-- --rounds 20 --freeze-seconds 10]
 */
import { parseArgs } from 'node:util';

const log = (message: string) => console.error(`[bench:faults] ${message}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '20' }, 'freeze-seconds': { type: 'string', default: '10' } },
  });
  process.env.CITYMATCH_TEST_STACK = 'services';
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  // After the environment is set: the test stack reads it when loaded.
  const { startPrivateRedis } = await import('../support/private-redis');
  const { sampleMembers } = await import('../support/random-members');
  const { settle } = await import('../support/settle');
  const { startTestAppOn } = await import('../support/test-app');
  const { createTestStack } = await import('../support/test-stack');

  const redis = await startPrivateRedis();
  const stack = await createTestStack({ RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' });
  if (stack.config.queue.kind !== 'bullmq') throw new Error('services stack expected');
  const t = await startTestAppOn({ ...stack.config, queue: { ...stack.config.queue, redisUrl: redis.url } }, () => stack.dispose());
  try {
    const members = sampleMembers(500, 4242);
    await t.http.post('/api/v1/members/import').send(members).expect(200);
    await settle(t, 120_000);
    const requests: Record<string, (round: number) => PromiseLike<unknown>> = {
      'GET /api/v1/members/:id/suggestions': (round) => t.http.get(`/api/v1/members/${members[round % 500].id}/suggestions`).expect(200),
      'GET /api/v1/themes': () => t.http.get('/api/v1/themes').expect(200),
      'GET /api/v1/members without a token (401)': () => t.anonymous.get('/api/v1/members').expect(401),
      'PATCH /api/v1/members/:id': async (round) => {
        const id = members[(round * 7) % 500].id;
        const { body } = await t.http.get(`/api/v1/members/${id}`).expect(200);
        await t.http
          .patch(`/api/v1/members/${id}`)
          .send({ version: body.version, population: body.population + 1 })
          .expect(200);
      },
    };
    const measure = async (rounds: number, keepGoing: () => boolean) => {
      const samples: Record<string, number[]> = Object.fromEntries(Object.keys(requests).map((name) => [name, []]));
      for (let round = 0; round < rounds || keepGoing(); round++) {
        for (const [name, call] of Object.entries(requests)) {
          const started = performance.now();
          await call(round);
          samples[name].push(performance.now() - started);
        }
      }
      return samples;
    };
    const rounds = Number(values.rounds);
    await measure(3, () => false); // warm-up, not reported
    const normal = await measure(rounds, () => false);
    log(`Redis answering: ${rounds} rounds done; freezing for ${values['freeze-seconds']} s`);
    redis.freeze();
    const thawAt = Date.now() + Number(values['freeze-seconds']) * 1000;
    const frozen = await measure(1, () => Date.now() < thawAt);
    redis.thaw();
    const thawed = performance.now();
    await settle(t, 120_000);
    const drained = performance.now() - thawed;

    const stat = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
      return `${at(0.5)} / ${at(0.95)} / ${sorted.at(-1)!.toFixed(0)} ms (${sorted.length})`;
    };
    console.log('| request | Redis answering: p50 / p95 / max (samples) | Redis frozen (SIGSTOP): p50 / p95 / max (samples) |');
    console.log('| --- | ---: | ---: |');
    for (const name of Object.keys(requests)) console.log(`| ${name} | ${stat(normal[name])} | ${stat(frozen[name])} |`);
    console.log(`\nAfter SIGCONT: outbox drained and suggestions settled in ${(drained / 1000).toFixed(2)} s.`);
  } finally {
    await t.close();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
