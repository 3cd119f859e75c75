import request from 'supertest';
import { Clock } from '../../src/clock';
import { memberRecord } from '../support/member-factory';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { appUrl, cookieOf, signIn } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;
const OFFICIAL = 'maria.santos@iloilo.example.org';

describe('signing in by e-mail link, and web sessions', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let url: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://citymatch.example.org',
      SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '3',
      TRUST_PROXY_HOPS: '1',
    });
    url = await appUrl(t);
    await t.http
      .post(api('/members/import'))
      .send([memberRecord({ id: 'iloilo', contact: undefined }), memberRecord({ id: 'cebu' })])
      .expect(200);
    await t.http.post(api('/users')).send({ email: OFFICIAL, name: 'Maria Santos', role: 'city_official', memberId: 'iloilo' }).expect(201);
    // Starting the app and loading its data takes long on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('mails a single-use link to a known address, and answers the same for an unknown one', async () => {
    await request(url).post(api('/auth/sign-in-links')).send({ email: 'nobody@example.org' }).expect(202);
    const known = await request(url).post(api('/auth/sign-in-links')).send({ email: OFFICIAL.toUpperCase() }).expect(202);
    expect(known.body).toEqual((await request(url).post(api('/auth/sign-in-links')).send({ email: 'nobody2@example.org' })).body);
    await sink.waitFor(1);
    const [mail] = sink.to(OFFICIAL);
    expect(sink.messages).toHaveLength(1);
    expect(mail.subject).toBe('Your CityMatch sign-in link');
    const link = /https:\/\/citymatch\.example\.org\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(mail.html).toContain(link);
    const token = new URL(link!).searchParams.get('token');

    const opened = await request(url).post(api('/auth/sessions')).set('X-Forwarded-Proto', 'https').send({ token }).expect(201);
    expect(opened.body.user).toMatchObject({ email: OFFICIAL, role: 'city_official', memberId: 'iloilo', timeZone: 'Asia/Manila' });
    const session = cookieOf(opened.headers['set-cookie'], 'cm_session')!;
    const csrf = cookieOf(opened.headers['set-cookie'], 'cm_csrf')!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Expires=/);
    expect(csrf).not.toMatch(/HttpOnly/);

    const again = await request(url).post(api('/auth/sessions')).send({ token }).expect(401);
    expect(again.body.details).toEqual([expect.objectContaining({ field: 'token' })]);
  });

  it('refuses a link after 15 minutes', async () => {
    const user = (await t.http.get(api('/users?q=maria')).expect(200)).body.items[0];
    const { SignInService } = await import('../../src/auth/sign-in/sign-in.service');
    const link = await t.app.get(SignInService).issueLink(user, null);
    const later = new Date(Date.now() + 15 * 60_000 + 1000);
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(later);
    try {
      await request(url)
        .post(api('/auth/sessions'))
        .send({ token: new URL(link).searchParams.get('token') })
        .expect(401);
    } finally {
      spy.mockRestore();
    }
  });

  it('limits links per address, saying when to retry', async () => {
    const address = 'limited@example.org';
    for (let i = 0; i < 3; i += 1) await request(url).post(api('/auth/sign-in-links')).send({ email: address }).expect(202);
    const refused = await request(url).post(api('/auth/sign-in-links')).send({ email: address }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('names the field of a bad request', async () => {
    const response = await request(url).post(api('/auth/sign-in-links')).send({ email: 'not-an-address' }).expect(400);
    expect(response.body.details[0].field).toBe('email');
  });

  it('a session is the person: same role and member as a token, CSRF on writes, audited with user and session', async () => {
    const { agent, csrf, sessionId, userId, cookie } = await signIn(t, OFFICIAL);
    expect((await agent.get(api('/auth/me')).expect(200)).body.user).toEqual({
      id: userId,
      email: OFFICIAL,
      name: 'Maria Santos',
      role: 'city_official',
      memberId: 'iloilo',
      timeZone: 'Asia/Manila',
    });
    await agent.get(api('/members/iloilo/users')).expect(200);
    await agent.get(api('/members/cebu/users')).expect(403);

    const me = (await agent.get(api(`/users/${userId}`)).expect(200)).body;
    const noCsrf = await request(url)
      .patch(api(`/users/${userId}`))
      .set('Cookie', cookie)
      .send({ version: me.version, digestHour: 9 })
      .expect(403);
    expect(noCsrf.body.message).toContain('X-CSRF-Token');
    const changed = await agent
      .patch(api(`/users/${userId}`))
      .set('X-CSRF-Token', csrf)
      .send({ version: me.version, digestHour: 9 })
      .expect(200);
    expect(changed.body.digest.hour).toBe(9);
    await waitForAudit(t, sessionId);
    const [row] = await t.dataSource.query(
      `SELECT user_id, session_id, token_id, outcome FROM audit_log WHERE session_id = $1 AND method = 'PATCH'`,
      [sessionId],
    );
    expect(row).toEqual({ user_id: userId, session_id: sessionId, token_id: null, outcome: 'succeeded' });

    // An official may not change its role, nor another user.
    await agent
      .patch(api(`/users/${userId}`))
      .send({ version: changed.body.version, role: 'secretariat' })
      .expect(403);
  });

  it('admins list and end sessions; sign-out ends one and clears its cookies', async () => {
    const first = await signIn(t, OFFICIAL);
    const listed = (await t.http.get(api('/sessions')).expect(200)).body;
    expect(listed.map((session: { id: string }) => session.id)).toContain(first.sessionId);
    expect(JSON.stringify(listed)).not.toMatch(/secret|hash/i);
    await t.http.delete(api(`/sessions/${first.sessionId}`)).expect(200);
    await first.agent.get(api('/auth/me')).expect(401);
    await t
      .as(await t.issueToken('secretariat'))
      .get(api('/sessions'))
      .expect(403);

    const second = await signIn(t, OFFICIAL);
    const out = await second.agent.delete(api('/auth/session')).expect(204);
    expect(cookieOf(out.headers['set-cookie'], 'cm_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const [row] = await t.dataSource.query('SELECT ended_at FROM sessions WHERE id = $1', [second.sessionId]);
    expect(row.ended_at).not.toBeNull();
    await request(url).get(api('/auth/me')).expect(401);
  });

  it('a deactivated user loses its sessions at once', async () => {
    const { agent, userId } = await signIn(t, OFFICIAL);
    const version = (await t.http.get(api(`/users/${userId}`)).expect(200)).body.version;
    await t.http
      .patch(api(`/users/${userId}`))
      .send({ version, status: 'deactivated' })
      .expect(200);
    await agent.get(api('/auth/me')).expect(401);
    await t.http
      .patch(api(`/users/${userId}`))
      .send({ version: version + 1, status: 'active' })
      .expect(200);
  });
});

async function waitForAudit(t: TestApp, sessionId: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const [row] = await t.dataSource.query(`SELECT outcome FROM audit_log WHERE session_id = $1 AND status_code IS NOT NULL LIMIT 1`, [
      sessionId,
    ]);
    if (row) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
