import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { AuditInterceptor } from '../../src/auth/audit/audit.interceptor';
import { ACCESS_POLICY } from '../../src/auth/policies/access-policy';
import { routeTable } from '../../src/app/route-table';
import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_STACK } from '../support/test-stack';
import { api, at, CALLERS, OTHER, OWN, type Caller, type RouteCase } from '../support/authorization-matrix';
import { signIn, type SignedIn } from '../support/sessions';
import { ROUTE_CASES } from './authorization-matrix/routes';

/**
 * Every route the application registers × every kind of caller, with the status each must get.
 * The route list comes from the app's own route table: a new route without a row in
 * `authorization-matrix/` fails.
 */
type AnyFunction = (...args: never[]) => unknown;
const CASES = ROUTE_CASES;

/** The queue dashboard (services stack): admins only; its routes are Bull Board's, so they are generated. */
const DASHBOARD = '/admin/queues';
const dashboardCase = (url: string): RouteCase => ({
  request: at(url.replace(/:([A-Za-z]+)/g, 'matrix-$1').replace(/\*$/, 'static/favicon-32x32.png')),
  expect: { anonymous: 401, admin: 'allowed', secretariat: 403, ownOfficial: 403, otherOfficial: 403 },
  // The dashboard takes admin tokens only; a web session is no credential there at all.
  session: { secretariat: 401, ownOfficial: 401, otherOfficial: 401 },
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
    // Starting the app and loading its data takes long on a loaded machine.
  }, 180_000);
  afterAll(() => t?.close());

  /** People sign in with sessions; admins are programs' tokens only. */
  type Person = Exclude<Caller, 'anonymous' | 'admin'>;
  const sessions = {} as Record<Person, SignedIn>;
  const personEmails = {} as Record<Person, string>;
  const agentFor = (caller: Caller, credential: 'token' | 'session') =>
    caller === 'anonymous'
      ? t.anonymous
      : caller === 'admin'
        ? t.http
        : credential === 'session'
          ? sessions[caller].agent
          : t.as(secrets[caller]);

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

  async function answersAsExpected(credential: 'token' | 'session'): Promise<void> {
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
        const { path, body } = await routeCase.request({ t, caller, credential });
        const call = agentFor(caller, credential)[method](path);
        const response = body === undefined ? await call : await call.send(body as object);
        const expected = (credential === 'session' ? routeCase.session?.[caller] : undefined) ?? routeCase.expect[caller];
        const admitted = ![401, 403].includes(response.status) && response.status < 500;
        const ok = expected === 'allowed' ? admitted : response.status === expected;
        if (!ok)
          mismatches.push(
            `${key} as ${caller} (${credential}): expected ${expected}, got ${response.status} ${JSON.stringify(response.body)?.slice(0, 160)}`,
          );
        if ([401, 403].includes(response.status))
          expect(response.body).toMatchObject({ statusCode: response.status, message: expect.any(String) });
        if (admitted && routeCase.restore) await routeCase.restore({ t, caller, credential });
        if (credential === 'session' && routeCase.endsSession && caller in sessions) {
          sessions[caller as Person] = await signIn(t, personEmails[caller as Person]);
        }
        checked += 1;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(Object.keys(CASES).length * CALLERS.length);
  }

  it('answers each caller holding an API token as expected on every route', () => answersAsExpected('token'));

  it('applies the same policies to people signed in with a web session (cookie and CSRF token)', async () => {
    await t.http
      .post(api('/users'))
      .send({ email: 'matrix-secretariat@example.org', name: 'Matrix Secretariat', role: 'secretariat' })
      .expect(201);
    const contactOf = async (memberId: string) =>
      (await t.http.get(api(`/members/${memberId}/users`)).expect(200)).body.items.find(
        (user: { memberContact: boolean }) => user.memberContact,
      ).email as string;
    personEmails.secretariat = 'matrix-secretariat@example.org';
    personEmails.ownOfficial = await contactOf(OWN);
    personEmails.otherOfficial = await contactOf(OTHER);
    for (const person of Object.keys(personEmails) as Person[]) sessions[person] = await signIn(t, personEmails[person]);
    await answersAsExpected('session');
  });
});
