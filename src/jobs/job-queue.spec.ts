import { createTestStack, TEST_STACK, type TestStack } from '../../test/support/test-stack';
import { BullMqJobQueue } from './bullmq-job-queue';
import { BullMqJobWorker } from './bullmq-job-worker';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobHandlers } from './job-handlers';
import { DIGEST_QUEUE, JOB_NAMES, JOB_QUEUE } from './job-names';
import type { JobQueue } from './job-queue';
import { createQueueRedisConnection, createWorkerRedisConnection } from './redis-connection';

/** The queue adapter of the stack under test, with a worker where the stack has one. */
async function queueFor(stack: TestStack, handlers: JobHandlers) {
  if (stack.config.queue.kind === 'in-process') {
    const queue = new InProcessJobQueue(handlers);
    return { queue: queue as JobQueue, close: () => queue.close() };
  }
  const redis = createQueueRedisConnection(stack.config.queue.redisUrl);
  const { redisUrl, prefix } = stack.config.queue;
  const workerRedis = [createWorkerRedisConnection(redisUrl), createWorkerRedisConnection(redisUrl)];
  const queue = new BullMqJobQueue(redis, prefix);
  const workers = [
    new BullMqJobWorker(JOB_QUEUE, workerRedis[0], prefix, 1, handlers),
    new BullMqJobWorker(DIGEST_QUEUE, workerRedis[1], prefix, 4, handlers),
  ];
  return {
    queue: queue as JobQueue,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      for (const bullQueue of queue.bullQueues()) await bullQueue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
      for (const connection of workerRedis) connection.disconnect();
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`job queue on the ${TEST_STACK} stack`, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });
  afterAll(() => stack.dispose());

  it('runs digest sends from a queue of their own, beside the other jobs', async () => {
    const handlers = new JobHandlers();
    const seen: string[] = [];
    handlers.register('member.changed', async ({ memberId }) => void seen.push(memberId));
    handlers.register('digests.send', async ({ userId }) => void seen.push(userId));
    const { queue, close } = await queueFor(stack, handlers);
    await queue.enqueueMany([
      { name: 'digests.send', payload: { userId: 'u1', week: '2026-W49' } },
      { name: 'member.changed', payload: { memberId: 'm1' } },
    ]);
    await queue.drain();
    await until(() => seen.length >= 2);
    expect([...seen].sort()).toEqual(['m1', 'u1']);
    const completed = await Promise.all(queue.bullQueues().map(async (bull) => [bull.name, await bull.getJobCounts('completed')]));
    expect(Object.fromEntries(completed)).toEqual(queue.durable ? { [JOB_QUEUE]: { completed: 1 }, [DIGEST_QUEUE]: { completed: 1 } } : {});
    await close();
  });

  it('runs every job once through the registered handler, in the order enqueued', async () => {
    const handlers = new JobHandlers();
    const seen: string[] = [];
    handlers.register('member.changed', async ({ memberId }) => {
      seen.push(memberId);
    });
    const { queue, close } = await queueFor(stack, handlers);
    const ids = Array.from({ length: 20 }, (_, index) => `m${index}`);
    for (const memberId of ids) await queue.enqueue('member.changed', { memberId });
    await queue.drain();
    await until(() => seen.length >= ids.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(ids);
    await close();
  });

  it('keeps running later jobs after one fails', async () => {
    const handlers = new JobHandlers();
    const done: string[] = [];
    handlers.register('member.changed', async ({ memberId }) => {
      if (memberId === 'bad') throw new Error('boom');
      done.push(memberId);
    });
    const { queue, close } = await queueFor(stack, handlers);
    await queue.enqueue('member.changed', { memberId: 'bad' });
    await queue.enqueue('member.changed', { memberId: 'good' });
    await queue.drain();
    await until(() => done.includes('good'));
    expect(done).toEqual(['good']);
    await close();
  });

  it('refuses a second handler for one job name and lists the names nobody handles', () => {
    const handlers = new JobHandlers();
    expect(handlers.missing()).toEqual(JOB_NAMES);
    handlers.register('member.changed', async () => undefined);
    expect(handlers.missing()).toEqual(JOB_NAMES.filter((name) => name !== 'member.changed'));
    expect(handlers.missing()).toContain('suggestions.recompute');
    expect(() => handlers.register('member.changed', async () => undefined)).toThrow('already has a handler');
  });

  it('enqueues a scheduled job on every tick until its schedule is removed', async () => {
    const handlers = new JobHandlers();
    const reasons: string[] = [];
    handlers.register('suggestions.recompute', async ({ reason }) => {
      reasons.push(reason);
    });
    const { queue, close } = await queueFor(stack, handlers);
    await queue.schedule('every-second', '* * * * * *', { name: 'suggestions.recompute', payload: { reason: 'tick' } });
    await until(() => reasons.length >= 2, 15_000);
    await queue.schedule('every-second', null, { name: 'suggestions.recompute', payload: { reason: 'tick' } });
    await queue.drain();
    await new Promise((resolve) => setTimeout(resolve, 300)); // a tick handed over just before removal may still run
    const afterRemoval = reasons.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(reasons.length).toBe(afterRemoval);
    expect(new Set(reasons)).toEqual(new Set(['tick']));
    await close();
  });

  it('tells its kind on the status page', async () => {
    const { queue, close } = await queueFor(stack, new JobHandlers());
    const status = await queue.status();
    if (TEST_STACK === 'services') expect(status).toMatchObject({ kind: 'bullmq', reachable: true });
    else expect(status).toEqual({ kind: 'in-process' });
    await close();
  });

  if (TEST_STACK === 'services') {
    it('coalesces jobs with the same id while the first is still waiting (BullMQ)', async () => {
      const handlers = new JobHandlers();
      const seen: string[] = [];
      handlers.register('member.changed', async ({ memberId }) => {
        seen.push(memberId);
      });
      const { queue, close } = await queueFor(stack, handlers);
      for (let i = 0; i < 5; i += 1)
        await queue.enqueue('member.changed', { memberId: 'same' }, { coalesceKey: 'member.changed-same', delayMs: 300 });
      await until(() => seen.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(seen).toEqual(['same']);
      await close();
    });
  }
});
