import { api, at, expectAll, staffOnly, type RouteCase } from '../../support/authorization-matrix';
import { ownContactUser } from './people-routes';

/** Weekly digests: the secretariat's routes, and the public unsubscribe link. */
export const DIGEST_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/digests/preview': {
    request: async (context) => ({ path: api(`/digests/preview?userId=${(await ownContactUser(context)).id}&week=2026-W01`) }),
    expect: staffOnly(200),
  },
  'GET /api/v1/digests/runs': { request: at(api('/digests/runs')), expect: staffOnly(200) },
  'POST /api/v1/digests/runs': {
    request: async () => ({ path: api('/digests/runs'), body: { week: '2026-W01', dryRun: true } }),
    expect: staffOnly(202),
  },
  'GET /api/v1/digests/deliveries': { request: at(api('/digests/deliveries')), expect: staffOnly(200) },
  // Anyone holding the link; a forged token changes nothing.
  'GET /api/v1/digests/unsubscribe': { request: at(api('/digests/unsubscribe?token=forged.token')), expect: expectAll(200) },
  'POST /api/v1/digests/unsubscribe': { request: at(api('/digests/unsubscribe?token=forged.token')), expect: expectAll(400) },
};
