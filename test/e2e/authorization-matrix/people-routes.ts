import {
  adminOnly,
  api,
  at,
  expectAll,
  OWN,
  ownMember,
  signedIn,
  staffOnly,
  type Context,
  type RouteCase,
} from '../../support/authorization-matrix';

/** The user of OWN that the rows act on: its recorded contact, who signs in as OWN's official in the session run. */
export async function ownContactUser({ t }: Context): Promise<{ id: string; version: number }> {
  const { items } = (await t.http.get(api(`/members/${OWN}/users`)).expect(200)).body;
  return items.find((user: { memberContact: boolean }) => user.memberContact);
}

/** Users, sign-in and sessions. `session` gives the answers that differ when the caller holds a session instead of a token. */
export const PEOPLE_ROUTES: Record<string, RouteCase> = {
  'GET /api/v1/users': { request: at(api('/users')), expect: signedIn(200) },
  'POST /api/v1/users': {
    request: async ({ caller }) => ({
      path: api('/users'),
      body: { email: `matrix-${caller}-${Date.now()}@example.org`, name: 'Matrix', role: 'secretariat' },
    }),
    expect: staffOnly(201),
  },
  'GET /api/v1/users/:userId': {
    request: async (context) => ({ path: api(`/users/${(await ownContactUser(context)).id}`) }),
    // Another member's official does not learn that the user exists.
    expect: { ...ownMember(200), otherOfficial: 404 },
  },
  'PATCH /api/v1/users/:userId': {
    request: async (context) => {
      const user = await ownContactUser(context);
      return { path: api(`/users/${user.id}`), body: { version: user.version, digestHour: 9 } };
    },
    // A token belongs to a program, not to the person: only the person's own session changes its settings.
    expect: { ...staffOnly(200) },
    session: { ownOfficial: 200 },
  },
  'GET /api/v1/members/:id/users': { request: at(api(`/members/${OWN}/users`)), expect: ownMember(200) },
  'POST /api/v1/auth/sign-in-links': {
    request: async ({ caller }) => ({ path: api('/auth/sign-in-links'), body: { email: `matrix-link-${caller}@example.org` } }),
    expect: expectAll(202),
  },
  'POST /api/v1/auth/sessions': {
    request: async () => ({ path: api('/auth/sessions'), body: { token: 'not-a-link-token' } }),
    expect: expectAll(401),
  },
  'GET /api/v1/auth/me': {
    request: at(api('/auth/me')),
    expect: expectAll(401),
    session: { secretariat: 200, ownOfficial: 200, otherOfficial: 200 },
  },
  'DELETE /api/v1/auth/session': { request: at(api('/auth/session')), expect: expectAll(204), endsSession: true },
  'GET /api/v1/sessions': { request: at(api('/sessions')), expect: adminOnly(200) },
  'DELETE /api/v1/sessions/:sessionId': {
    request: at(api('/sessions/00000000-0000-4000-8000-000000000000')),
    expect: adminOnly(404),
  },
};
