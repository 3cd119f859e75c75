import { memberRecord } from '../../support/member-factory';
import { api, at, OTHER, OWN, ownMember, staffOnly, type RouteCase } from '../../support/authorization-matrix';
import type { TestApp } from '../../support/test-app';

/** A third member: partnerships of OWN with it are not the other official's business. */
const THIRD = 'matrix-brokering-third';
const FOURTH = 'matrix-brokering-fourth';

async function ensureMember(t: TestApp, id: string, country: string): Promise<void> {
  const found = await t.http.get(api(`/members/${id}`));
  if (found.status === 404) await t.http.post(api('/members')).send(memberRecord({ id, country })).expect(201);
}

/** The open partnership of OWN and THIRD, at its first stage (an older one further along is declined or ended first). */
async function freshPartnership(t: TestApp): Promise<{ id: string; version: number }> {
  await ensureMember(t, THIRD, 'TH');
  const [open] = await t.dataSource.query(
    `SELECT id, stage, version FROM partnerships WHERE member_a = $1 AND member_b = $2 AND stage NOT IN ('declined', 'ended')`,
    [OWN, THIRD].sort(),
  );
  if (open?.stage === 'interest') return { id: open.id, version: open.version };
  if (open) await closePartnership(t, open.id);
  const opened = await t.http.post(api('/partnerships')).send({ memberA: OWN, memberB: THIRD }).expect(201);
  return { id: opened.body.id, version: opened.body.version };
}

async function closePartnership(t: TestApp, id: string): Promise<void> {
  const { stage, version } = (await t.http.get(api(`/partnerships/${id}`)).expect(200)).body;
  const to = ['interest', 'introduced', 'exploring'].includes(stage) ? 'declined' : stage === 'agreement' ? 'implementing' : 'ended';
  await t.http
    .post(api(`/partnerships/${id}/transitions`))
    .send({ to, version, reason: 'matrix' })
    .expect(201);
  if (to === 'implementing') await closePartnership(t, id);
}

async function milestoneOf(t: TestApp) {
  const { id } = await freshPartnership(t);
  const milestones = (await t.http.get(api(`/partnerships/${id}`)).expect(200)).body.milestones;
  const milestone =
    milestones[0] ??
    (
      await t.http
        .post(api(`/partnerships/${id}/milestones`))
        .send({ title: 'Plan', dueOn: '2030-01-01' })
        .expect(201)
    ).body.milestones[0];
  return { id, milestone };
}

/** Interests, partnerships and notifications. Officials reach their own member's partnerships only. */
export const BROKERING_ROUTES: Record<string, RouteCase> = {
  'POST /api/v1/members/:id/interests': {
    request: async () => ({ path: api(`/members/${OWN}/interests`), body: { candidateId: OTHER } }),
    restore: async ({ t }) => {
      await t.http.delete(api(`/members/${OWN}/interests/${OTHER}`)).expect(200);
    },
    expect: ownMember(201),
  },
  'DELETE /api/v1/members/:id/interests/:candidateId': {
    request: async ({ t }) => {
      await t.http
        .post(api(`/members/${OWN}/interests`))
        .send({ candidateId: OTHER })
        .expect(201);
      return { path: api(`/members/${OWN}/interests/${OTHER}`) };
    },
    restore: async () => undefined,
    expect: ownMember(200),
  },
  'GET /api/v1/members/:id/interests': { request: at(api(`/members/${OWN}/interests`)), expect: ownMember(200) },
  'GET /api/v1/members/:id/partnerships': { request: at(api(`/members/${OWN}/partnerships`)), expect: ownMember(200) },
  'GET /api/v1/interests': { request: at(api('/interests')), expect: staffOnly(200) },
  'POST /api/v1/partnerships': {
    request: async ({ t }) => {
      await ensureMember(t, FOURTH, 'KR');
      return { path: api('/partnerships'), body: { memberA: OTHER, memberB: FOURTH, kind: 'project' } };
    },
    restore: async ({ t }) => {
      const [open] = await t.dataSource.query(`SELECT id FROM partnerships WHERE $1 IN (member_a, member_b) AND stage = 'interest'`, [
        FOURTH,
      ]);
      await closePartnership(t, open.id);
    },
    expect: staffOnly(201),
  },
  'GET /api/v1/partnerships': { request: at(api('/partnerships?stage=interest&format=csv')), expect: staffOnly(200) },
  'GET /api/v1/partnerships/board': { request: at(api('/partnerships/board')), expect: staffOnly(200) },
  'GET /api/v1/partnerships/:id': {
    request: async ({ t }) => ({ path: api(`/partnerships/${(await freshPartnership(t)).id}`) }),
    expect: ownMember(200),
  },
  'GET /api/v1/partnerships/:id/history': {
    request: async ({ t }) => ({ path: api(`/partnerships/${(await freshPartnership(t)).id}/history`) }),
    expect: ownMember(200),
  },
  'PATCH /api/v1/partnerships/:id': {
    request: async ({ t }) => {
      const { id, version } = await freshPartnership(t);
      return { path: api(`/partnerships/${id}`), body: { version, owner: 'Matrix Owner' } };
    },
    expect: staffOnly(200),
  },
  'POST /api/v1/partnerships/:id/transitions': {
    request: async ({ t }) => {
      const { id, version } = await freshPartnership(t);
      return { path: api(`/partnerships/${id}/transitions`), body: { to: 'introduced', version } };
    },
    expect: staffOnly(201),
  },
  'POST /api/v1/partnerships/:id/milestones': {
    request: async ({ t }) => ({
      path: api(`/partnerships/${(await freshPartnership(t)).id}/milestones`),
      body: { title: 'Exchange visit', dueOn: '2030-06-30' },
    }),
    expect: ownMember(201),
  },
  'PATCH /api/v1/partnerships/:id/milestones/:milestoneId': {
    request: async ({ t }) => {
      const { id, milestone } = await milestoneOf(t);
      return { path: api(`/partnerships/${id}/milestones/${milestone.id}`), body: { version: milestone.version, responsible: 'Matrix' } };
    },
    expect: ownMember(200),
  },
  'POST /api/v1/partnerships/:id/activities': {
    request: async ({ t }) => ({
      path: api(`/partnerships/${(await freshPartnership(t)).id}/activities`),
      body: { occurredOn: '2026-01-15', kind: 'meeting', summary: 'Matrix meeting' },
    }),
    expect: ownMember(201),
  },
  'GET /api/v1/members/:id/notifications': { request: at(api(`/members/${OWN}/notifications`)), expect: ownMember(200) },
  'POST /api/v1/members/:id/notifications/read': {
    request: async () => ({ path: api(`/members/${OWN}/notifications/read`), body: {} }),
    expect: ownMember(200),
  },
  'GET /api/v1/notifications': { request: at(api('/notifications')), expect: staffOnly(200) },
  'POST /api/v1/notifications/read': {
    request: async () => ({ path: api('/notifications/read'), body: { ids: ['1'] } }),
    expect: staffOnly(200),
  },
};
