import { memberRecord } from '../../support/member-factory';
import {
  adminOnly,
  api,
  at,
  expectAll,
  OTHER,
  OWN,
  ownMember,
  signedIn,
  staffOnly,
  versionOf,
  type RouteCase,
} from '../../support/authorization-matrix';

/** The registry, suggestions, tokens, audit and documentation routes. */
export const CORE_ROUTES: Record<string, RouteCase> = {
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
    request: async ({ caller, credential }) => ({
      path: api('/members'),
      body: memberRecord({ id: `matrix-new-${caller}-${credential ?? 'token'}`, country: 'VN' }),
    }),
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
