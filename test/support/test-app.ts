import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/http/create-app';
import { createTestStack } from './test-stack';

export interface TestApp {
  app: NestFastifyApplication;
  /** Real HTTP calls to the listening app. */
  http: TestAgent;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the real application on a private stack and listens on a free loopback port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const stack = await createTestStack(env);
  const app = await createApp(stack.config);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    http: request(url.replace('[::1]', '127.0.0.1')),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await app.close();
      await stack.dispose();
    },
  };
}
