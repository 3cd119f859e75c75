import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { AuditInterceptor } from '../../src/auth/audit/audit.interceptor';
import { ACCESS_POLICY } from '../../src/auth/policies/access-policy';
import { routeTable } from '../../src/app/route-table';
import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_STACK } from '../support/test-stack';

/**
 * Every route the application registers × every kind of caller, with the status each must get.
 * The route list comes from the app's own route table: a new route without a row here fails.
 */
const CALLERS = ['anonymous', 'admin', 'secretariat', 'ownOfficial', 'otherOfficial'] as const;
type Caller = (typeof CALLERS)[number];

/** A status, or `allowed`: any answer that is not a refusal (for dashboard routes with made-up ids). */
type Expected = number | 'allowed';
type Expectations = Record<Caller, Expected>;

interface Context {
  t: TestApp;
  caller: Caller;
}
interface RouteCase {
  request(context: Context): Promise<{ path: string; body?: unknown }>;
  /** Runs after an admitted call, to put the state back for the next caller. */
  restore?(context: Context): Promise<void>;
  expect: Expectations;
}

const OWN = 'matrix-own';
const OTHER = 'matrix-other';
const api = (path: string) => `/api/v1${path}`;

const expectAll = (status: number): Expectations => ({
  anonymous: status,
  admin: status,
  secretariat: status,
  ownOfficial: status,
  otherOfficial: status,
});
const staffOnly = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: status,
  ownOfficial: 403,
  otherOfficial: 403,
});
const adminOnly = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: 403,
  ownOfficial: 403,
  otherOfficial: 403,
});
const signedIn = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: status,
  ownOfficial: status,
  otherOfficial: status,
});
const ownMember = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: status,
  ownOfficial: status,
  otherOfficial: 403,
});

async function versionOf(t: TestApp, id: string): Promise<number> {
  return (await t.http.get(api(`/members/${id}`)).expect(200)).body.version;
}

type AnyFunction = (...args: never[]) => unknown;

const at = (path: string) => async () => ({ path });

const CASES: Record<string, RouteCase> = {
  'GET /health': { request: at('/health'), expect: expectAll(200) },
  'GET /docs': { request: at('/docs'), expect: expectAll(200) },
  'GET /docs/': { request: at('/docs/'), expect: expectAll(200) },
  'GET /docs-json': { request: at('/docs-json'), expect: expectAll(200) },
  'GET /docs-yaml': { request: at('/docs-yaml'), expect: expectAll(200) },
  'GET /docs/index.html': { request: at('/docs/index.html'), expect: expectAll(200) },
  // Swagger UI registers it; the file is not shipped, and nobody is refused.
  'GET /docs/LICENSE': { request: at('/docs/LICENSE'), expect: expectAll(404) },
  'GET /docs/swagger-ui-init.js': { request: at('/docs/swagger-ui-init.js'), expect: expectAll(200) },
  'GET /docs/docs/swagger-ui-init.js': { request: at('/docs/docs/swagger-ui-init.js'), expect: expectAll(200) },
  'GET /docs/*': { request: at('/docs/swagger-ui.css'), expect: expectAll(200) },
  'GET /api/v1/themes': { request: at(api('/themes')), expect: signedIn(200) },
  'GET /api/v1/members': { request: at(api('/members')), expect: signedIn(200) },
  'POST /api/v1/members': {
    request: async ({ caller }) => ({ path: api('/members'), body: memberRecord({ id: `matrix-new-${caller}`, country: 'VN' }) }),
    expect: staffOnly(201),
  },
  'POST /api/v1/members/import': {
    request: async ({ t }) => ({ path: api('/members/import'), body: [(await t.http.get(api('/members/export')).expect(200)).body[0]] }),
    expect: staffOnly(200),
  },
  'GET /api/v1/members/export': { request: at(api('/members/export')), expect: staffOnly(200) },
  'GET /api/v1/members/:id': { request: at(api(`/members/${OWN}`)), expect: signedIn(200) },
  'PATCH /api/v1/members/:id': {
    request: async ({ t }) => ({ path: api(`/members/${OWN}`), body: { version: await versionOf(t, OWN), population: 500_000 } }),
    expect: ownMember(200),
  },
  'DELETE /api/v1/members/:id': {
    request: at(api(`/members/${OWN}`)),
    restore: async ({ t }) => {
      await t.http
        .patch(api(`/members/${OWN}`))
        .send({ version: await versionOf(t, OWN), status: 'active' })
        .expect(200);
    },
    expect: staffOnly(200),
  },
  'GET /api/v1/members/:id/suggestions': { request: at(api(`/members/${OWN}/suggestions`)), expect: ownMember(200) },
  'POST /api/v1/members/:id/dismissals': {
    request: async () => ({ path: api(`/members/${OWN}/dismissals`), body: { candidateId: OTHER, reason: 'matrix' } }),
    restore: async ({ t }) => {
      await t.http.delete(api(`/members/${OWN}/dismissals/${OTHER}`)).expect(200);
    },
    expect: ownMember(201),
  },
  'DELETE /api/v1/members/:id/dismissals/:candidateId': {
    request: async ({ t }) => {
      await t.http
        .post(api(`/members/${OWN}/dismissals`))
        .send({ candidateId: OTHER })
        .expect(201);
      return { path: api(`/members/${OWN}/dismissals/${OTHER}`) };
    },
    restore: async () => undefined,
    expect: ownMember(200),
  },
  'GET /api/v1/matches': { request: at(api('/matches')), expect: staffOnly(200) },
  'GET /api/v1/matching/weights': { request: at(api('/matching/weights')), expect: staffOnly(200) },
  'PUT /api/v1/matching/weights': {
    request: async () => ({ path: api('/matching/weights'), body: { thematic: 0.45 } }),
    expect: adminOnly(200),
  },
  'POST /api/v1/recompute': { request: at(api('/recompute')), expect: staffOnly(202) },
  'GET /api/v1/recompute/status': { request: at(api('/recompute/status')), expect: staffOnly(200) },
  'POST /api/v1/tokens': {
    request: async ({ caller }) => ({ path: api('/tokens'), body: { label: `matrix ${caller}`, role: 'secretariat' } }),
    expect: adminOnly(201),
  },
  'GET /api/v1/tokens': { request: at(api('/tokens')), expect: adminOnly(200) },
  'DELETE /api/v1/tokens/:tokenId': {
    request: async ({ t }) => {
      const { body } = await t.http.post(api('/tokens')).send({ label: 'to revoke', role: 'secretariat' }).expect(201);
      return { path: api(`/tokens/${body.id}`) };
    },
    expect: adminOnly(200),
  },
  'GET /api/v1/audit': { request: at(api('/audit')), expect: staffOnly(200) },
};

/** The queue dashboard (services stack): admins only; its routes are Bull Board's, so they are generated. */
const DASHBOARD = '/admin/queues';
const dashboardCase = (url: string): RouteCase => ({
  request: at(url.replace(/:([A-Za-z]+)/g, 'matrix-$1').replace(/\*$/, 'static/favicon-32x32.png')),
  expect: { anonymous: 401, admin: 'allowed', secretariat: 403, ownOfficial: 403, otherOfficial: 403 },
});

describe('authorization matrix: every route × every kind of caller', () => {
  let t: TestApp;
  const secrets = {} as Record<Exclude<Caller, 'anonymous' | 'admin'>, string>;

  beforeAll(async () => {
    t = await startTestApp();
    const own = memberRecord({ id: OWN, country: 'PH', needs: { culture: 3 }, offers: { environment: 2 } });
    const other = memberRecord({ id: OTHER, country: 'JP', needs: { environment: 3 }, offers: { culture: 2 } });
    await t.http.post(api('/members/import')).send([own, other]).expect(200);
    secrets.secretariat = await t.issueToken('secretariat');
    secrets.ownOfficial = await t.issueToken('city_official', OWN);
    secrets.otherOfficial = await t.issueToken('city_official', OTHER);
  });
  afterAll(() => t?.close());

  const agentFor = (caller: Caller) => (caller === 'anonymous' ? t.anonymous : caller === 'admin' ? t.http : t.as(secrets[caller]));

  /** Every controller method that is a route, with its name and the two places metadata sits on. */
  function routeHandlers() {
    const handlers: Array<{ name: string; handler: AnyFunction; controller: AnyFunction }> = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const prototype = Object.getPrototypeOf(wrapper.instance as object);
        for (const name of new MetadataScanner().getAllMethodNames(prototype)) {
          const handler = prototype[name];
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          handlers.push({ name: `${wrapper.name}.${name}`, handler, controller: wrapper.metatype as AnyFunction });
        }
      }
    }
    return handlers;
  }

  it('declares an access policy on every controller route', () => {
    const reflector = t.app.get(Reflector);
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(5);
    const undeclared = handlers.filter(({ handler, controller }) => !reflector.getAllAndOverride(ACCESS_POLICY, [handler, controller]));
    expect(undeclared.map(({ name }) => name)).toEqual([]);
  });

  it('audits every write route in the transaction of its write (@Audited)', () => {
    const writes = [RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE];
    const writeHandlers = routeHandlers().filter(({ handler }) => writes.includes(Reflect.getMetadata(METHOD_METADATA, handler)));
    expect(writeHandlers.length).toBeGreaterThanOrEqual(10);
    const unaudited = writeHandlers.filter(({ handler, controller }) => {
      const interceptors = [
        ...(Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []),
        ...(Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? []),
      ];
      return !interceptors.includes(AuditInterceptor);
    });
    expect(unaudited.map(({ name }) => name)).toEqual([]);
  });

  it('has an expectation for every registered route, and no expectation for a route that does not exist', () => {
    const registered = routeTable(t.app.getHttpAdapter().getInstance())
      .filter((route) => !route.url.startsWith(DASHBOARD))
      .map((route) => `${route.method} ${route.url}`);
    expect([...new Set(registered)].sort()).toEqual(Object.keys(CASES).sort());
  });

  it('answers each caller as expected on every route', async () => {
    const routes = routeTable(t.app.getHttpAdapter().getInstance());
    const dashboardRoutes = routes.filter((route) => route.url.startsWith(DASHBOARD));
    // The dashboard exists where there is a BullMQ queue to show.
    expect(dashboardRoutes.length > 0).toBe(TEST_STACK === 'services');
    const cases: Array<[string, RouteCase]> = [
      ...Object.entries(CASES),
      ...dashboardRoutes.map((route): [string, RouteCase] => [`${route.method} ${route.url}`, dashboardCase(route.url)]),
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, routeCase] of cases) {
      const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      for (const caller of CALLERS) {
        const { path, body } = await routeCase.request({ t, caller });
        const call = agentFor(caller)[method](path);
        const response = body === undefined ? await call : await call.send(body as object);
        const expected = routeCase.expect[caller];
        const admitted = ![401, 403].includes(response.status) && response.status < 500;
        const ok = expected === 'allowed' ? admitted : response.status === expected;
        if (!ok)
          mismatches.push(
            `${key} as ${caller}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)?.slice(0, 160)}`,
          );
        if ([401, 403].includes(response.status))
          expect(response.body).toMatchObject({ statusCode: response.status, message: expect.any(String) });
        if (admitted && routeCase.restore) await routeCase.restore({ t, caller });
        checked += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(Object.keys(CASES).length * CALLERS.length);
  });
});
