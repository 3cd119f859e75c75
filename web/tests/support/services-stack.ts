import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { createPrivateDatabase, deleteRedisKeys } from '../../../test/support/private-services';
import { SERVICES_TEST_PORT } from '../../playwright.config';
import type { WebStack } from './fixtures';
import { ROOT, startServer, TOKEN, waitForSuggestions } from './server';

/** The demo members of Oceania (224 of the 6,100): a network with real suggestions that is ready in seconds. */
const SEED_SUBREGIONS = new Set(['Melanesia', 'Micronesia', 'Polynesia', 'Australia and New Zealand']);

export const SERVICES_SECRETARIAT = { email: 'secretariat.web@example.org', name: 'Web Secretariat' };

/** What CI exports (.ci/run); without them the services journey fails and says so instead of being skipped. */
function servicesUrls(): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!databaseUrl || !redisUrl)
    throw new Error(
      'The services journey runs CityMatch on PostgreSQL and Redis: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) ' +
        'and TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) as .ci/run does, or run the embedded tests alone with --project embedded.',
    );
  return { databaseUrl, redisUrl };
}

/**
 * The compiled CityMatch on PostgreSQL + Redis/BullMQ, as test/support/test-stack.ts makes one: a
 * private database and a Redis key prefix of its own, both removed by stop(). Mail goes to files
 * under a temporary DATA_DIR (no SMTP server), an admin token comes from the token:create command,
 * the demo members of a few subregions arrive through the import route and a secretariat user
 * through the users route, and it is ready once their suggestions and default lists are stored.
 */
export async function startServicesStack(port = SERVICES_TEST_PORT): Promise<WebStack & { url: string; stop: () => Promise<void> }> {
  const { databaseUrl, redisUrl } = servicesUrls();
  const database = await createPrivateDatabase(databaseUrl, 'citymatch_web');
  const name = database.name;
  const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-web-services-'));
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: name,
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100',
    SIGN_IN_LINKS_PER_CLIENT_PER_HOUR: '10000',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    BALANCE_CRON: 'off',
    RECOMPUTE_CRON: 'off',
    DIGESTS: 'off',
  };
  const cleanUp = async () => {
    await database.drop();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    // BullMQ's keys are under `prefix:`, the sign-in limits' under `{prefix:` (a hash tag).
    await deleteRedisKeys(redis, [`${name}:*`, `{${name}:*`]).finally(() => redis.disconnect());
    rmSync(dataDir, { recursive: true, force: true });
  };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    server = await startServer(port, env, { printsAdminToken: false });
    const adminToken = await createAdminToken(env);
    const api = (path: string, body: unknown) =>
      fetch(`${server!.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      });
    await api('/api/v1/members/import', seedMembers());
    await api('/api/v1/users', { ...SERVICES_SECRETARIAT, role: 'secretariat' });
    await waitForSuggestions({ url: server.url, adminToken });
    const running = server;
    return {
      url: running.url,
      adminToken,
      dataDir,
      stop: async () => {
        await running.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await server?.stop();
    await cleanUp();
    throw error;
  }
}

/** The first admin token of a PostgreSQL deployment, made as an operator makes it: npm run token:create. */
async function createAdminToken(env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'dist/src/cli/token-create.js'), '--role', 'admin', '--label', 'web tests'],
    { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' } },
  );
  const token = TOKEN.exec(stdout)?.[0];
  if (!token) throw new Error(`token:create printed no token:\n${stdout}`);
  return token;
}

/** The demo seed's members of SEED_SUBREGIONS, from the compiled seed code (npm run build). */
function seedMembers(): unknown[] {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { DEMO_SEED, loadGeoNamesProfiles } = require(join(ROOT, 'dist/src/members/seed')) as {
    DEMO_SEED: object;
    loadGeoNamesProfiles: (options: object) => Array<{ country: string }>;
  };
  const { countryByCode } = require(join(ROOT, 'dist/src/reference/countries')) as {
    countryByCode: (code: string) => { subregion: string } | undefined;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loadGeoNamesProfiles(DEMO_SEED).filter((member) => SEED_SUBREGIONS.has(countryByCode(member.country)?.subregion ?? ''));
}

/** A city official for a member, added through the users route as the secretariat adds one. */
export async function addOfficial(api: import('@playwright/test').APIRequestContext, member: { memberId: string; name: string }) {
  const email = `official.${member.memberId}@example.org`;
  const answer = await api.post('/api/v1/users', {
    data: { email, name: `International Relations Officer, ${member.name}`, role: 'city_official', memberId: member.memberId },
  });
  if (answer.status() !== 201) throw new Error(`adding an official for ${member.memberId}: ${answer.status()} ${await answer.text()}`);
  return email;
}
