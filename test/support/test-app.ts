import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/roles';
import { TokensService } from '../../src/auth/tokens/tokens.service';
import type { AppConfig } from '../../src/config/configuration';
import { createApp } from '../../src/app/create-app';
import { createTestStack } from './test-stack';

export interface TestApp {
  app: NestFastifyApplication;
  /** Real HTTP calls to the listening app, as an admin. */
  http: TestAgent;
  /** Real HTTP calls without a token. */
  anonymous: TestAgent;
  /** Real HTTP calls with this token secret. */
  as(secret: string): TestAgent;
  /** A new token's secret, issued directly through the tokens service. */
  issueToken(role: Role, memberId?: string): Promise<string>;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the real application on a private stack and listens on a free loopback port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const stack = await createTestStack(env);
  return startTestAppOn(stack.config, () => stack.dispose());
}

/** Boots the real application with this configuration; `dispose` runs after it has closed. */
export async function startTestAppOn(config: AppConfig, dispose: () => Promise<void>): Promise<TestApp> {
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const tokens = app.get(TokensService);
  const issueToken = async (role: Role, memberId?: string) => (await tokens.create({ label: `test ${role}`, role, memberId }, null)).secret;
  const as = (secret: string) => request.agent(url).set('Authorization', `Bearer ${secret}`);
  return {
    app,
    http: as(await issueToken('admin')),
    anonymous: request.agent(url),
    as,
    issueToken,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}
