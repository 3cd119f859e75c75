import { api, OTHER, OWN, staffOnly, type RouteCase } from '../../support/authorization-matrix';

/** The secretariat's pair explanations and country-pair exclusions: each admitted caller adds a pair of its own and takes it back. */
const PAIRS: Record<string, [string, string]> = {
  admin: ['KH', 'LA'],
  secretariat: ['KH', 'MM'],
  ownOfficial: ['KH', 'BN'],
  otherOfficial: ['KH', 'TL'],
  anonymous: ['KH', 'MN'],
};

export const EXCLUSIONS_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/pairs/:a/:b/explanation': {
    request: async () => ({ path: api(`/pairs/${OWN}/${OTHER}/explanation`) }),
    expect: staffOnly(200),
  },
  'GET /api/v1/matching/exclusions': { request: async () => ({ path: api('/matching/exclusions') }), expect: staffOnly(200) },
  'POST /api/v1/matching/exclusions': {
    request: async ({ caller }) => ({ path: api('/matching/exclusions'), body: { countries: PAIRS[caller] } }),
    restore: async ({ t, caller }) => {
      await t.http.delete(api(`/matching/exclusions/${PAIRS[caller].join('/')}`)).expect(204);
    },
    expect: staffOnly(201),
  },
  'DELETE /api/v1/matching/exclusions/:a/:b': {
    request: async ({ t, caller }) => {
      await t.http.post(api('/matching/exclusions')).send({ countries: PAIRS[caller] });
      return { path: api(`/matching/exclusions/${PAIRS[caller].join('/')}`) };
    },
    restore: async ({ t, caller }) => {
      await t.http.delete(api(`/matching/exclusions/${PAIRS[caller].join('/')}`));
    },
    expect: staffOnly(204),
  },
};
