import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { JobQueue } from '../job-queue';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Bull Board over the job queues, on the services stack only (the in-process queue has nothing to show). */
export async function mountQueueDashboard(app: NestFastifyApplication, access: onRequestHookHandler): Promise<void> {
  const queues = app.get(JobQueue).bullQueues();
  if (queues.length === 0) return;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', access);
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
