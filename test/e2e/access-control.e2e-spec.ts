import { createHash } from 'node:crypto';
import { auditContextStorage } from '../../src/auth/audit/audit-context';
import { TokensService } from '../../src/auth/tokens/tokens.service';
import { runTokenCreate } from '../../src/cli/token-create-command';
import { databaseSnapshot, memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_STACK } from '../support/test-stack';

const api = (path: string) => `/api/v1${path}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const lastAuditId = async (t: TestApp): Promise<number> =>
  Number((await t.dataSource.query('SELECT coalesce(max(id), 0) AS id FROM audit_log'))[0].id);

/** Rows after `afterId` matching the query, once `count` of them are complete (after the response went out). */
async function auditEntries(t: TestApp, query: string, afterId: number, count = 1): Promise<Array<Record<string, unknown>>> {
  for (let attempt = 0; ; attempt += 1) {
    const { body } = await t.http.get(api(`/audit?${query}`)).expect(200);
    const complete = body.items.filter(
      (item: { id: string; statusCode: number | null }) => Number(item.id) > afterId && item.statusCode !== null,
    );
    if (complete.length >= count || attempt > 100) return complete;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('access control', () => {
  let t: TestApp;
  const own = memberRecord({ id: 'ac-suva', name: 'Suva', country: 'FJ', needs: { 'disaster-resilience': 3 }, offers: { culture: 2 } });
  const other = memberRecord({
    id: 'ac-iloilo',
    name: 'Iloilo',
    country: 'PH',
    needs: { culture: 3 },
    offers: { 'disaster-resilience': 3 },
  });
  const withdrawn = memberRecord({ id: 'ac-gone', name: 'Withdrawn Town', country: 'JP', status: 'inactive' });
  let official: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post(api('/members/import')).send([own, other, withdrawn]).expect(200);
    official = await t.issueToken('city_official', own.id);
  });
  afterAll(() => t?.close());

  describe('tokens', () => {
    it('shows a new token’s secret once and keeps only its hash', async () => {
      const { body: created } = await t.http
        .post(api('/tokens'))
        .send({ label: 'Iloilo IR office', role: 'city_official', memberId: other.id })
        .expect(201);
      expect(created.secret).toMatch(/^cm_[A-Za-z0-9_-]{43}$/);
      expect(created).toMatchObject({ role: 'city_official', memberId: other.id, status: 'active', hint: created.secret.slice(0, 9) });

      const { body: listed } = await t.http.get(api('/tokens')).expect(200);
      const shown = listed.find((token: { id: string }) => token.id === created.id);
      expect(shown).toEqual({ ...created, secret: undefined });
      expect(JSON.stringify(listed)).not.toContain(created.secret);

      const [row] = await t.dataSource.query('SELECT * FROM api_tokens WHERE id = $1', [created.id]);
      expect(row.secret_hash).toBe(sha256(created.secret));
      expect(JSON.stringify(row)).not.toContain(created.secret.slice(9));

      await t
        .as(created.secret)
        .get(api(`/members/${other.id}/suggestions`))
        .expect(200);
    });

    it('refuses a bad token request naming the field, and creates nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM api_tokens');
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ label: 'x', role: 'city_official' }, 'memberId'],
        [{ label: 'x', role: 'city_official', memberId: 'no-such-member' }, 'memberId'],
        [{ label: 'x', role: 'secretariat', memberId: own.id }, 'memberId'],
        [{ label: 'x', role: 'mayor' }, 'role'],
        [{ role: 'admin' }, 'label'],
        [{ label: 'x', role: 'admin', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
        [{ label: 'x', role: 'admin', expiresAt: 'next week' }, 'expiresAt'],
        [{ label: 'x', role: 'admin', secret: 'cm_mine' }, 'secret'],
      ];
      for (const [body, field] of cases) {
        const response = await t.http.post(api('/tokens')).send(body).expect(400);
        expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM api_tokens')).toEqual(before);
    });

    it('answers 401 with the reason for a missing, malformed, unknown, expired or revoked token', async () => {
      const path = api('/themes');
      expect((await t.anonymous.get(path).expect(401)).body.message).toContain('authentication required');
      expect((await t.anonymous.get(path).set('Authorization', 'Basic dXNlcjpwYXNz').expect(401)).body.message).toContain(
        'not a CityMatch token',
      );
      expect((await t.as('cm_tooshort').get(path).expect(401)).body.message).toContain('not a CityMatch token');
      expect(
        (
          await t
            .as(`cm_${'A'.repeat(43)}`)
            .get(path)
            .expect(401)
        ).body.message,
      ).toBe('the token is not recognised');

      const expiry = Date.now() + 2500;
      const expiresAt = new Date(expiry).toISOString();
      const { body: shortLived } = await t.http.post(api('/tokens')).send({ label: 'short', role: 'secretariat', expiresAt }).expect(201);
      await t.as(shortLived.secret).get(path).expect(200);
      await new Promise((resolve) => setTimeout(resolve, expiry - Date.now() + 100));
      expect((await t.as(shortLived.secret).get(path).expect(401)).body).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'the token has expired',
      });

      const { body: revocable } = await t.http.post(api('/tokens')).send({ label: 'to revoke', role: 'secretariat' }).expect(201);
      await t.as(revocable.secret).get(path).expect(200);
      expect((await t.http.delete(api(`/tokens/${revocable.id}`)).expect(200)).body).toMatchObject({ status: 'revoked' });
      expect((await t.as(revocable.secret).get(path).expect(401)).body.message).toBe('the token has been revoked');
      await t.http.delete(api(`/tokens/${revocable.id}`)).expect(200);
    });

    it('answers 404 for a token that does not exist', async () => {
      await t.http.delete(api('/tokens/00000000-0000-4000-8000-000000000000')).expect(404);
      await t.http.delete(api('/tokens/not-a-uuid')).expect(404);
    });
  });

  describe('a city official', () => {
    it('reads its own member in full and other members’ public profile only', async () => {
      const { body: mine } = await t
        .as(official)
        .get(api(`/members/${own.id}`))
        .expect(200);
      expect(mine.contact).toEqual(own.contact);
      const { body: theirs } = await t
        .as(official)
        .get(api(`/members/${other.id}`))
        .expect(200);
      expect(Object.keys(theirs).sort()).toEqual([
        'country',
        'id',
        'languages',
        'level',
        'name',
        'needs',
        'offers',
        'population',
        'subregion',
      ]);
    });

    it('lists active members, with public profiles for the others', async () => {
      const { body } = await t.as(official).get(api('/members')).expect(200);
      const byId = Object.fromEntries(body.items.map((item: { id: string }) => [item.id, item]));
      expect(Object.keys(byId).sort()).toEqual([other.id, own.id].sort());
      expect(byId[other.id].contact).toBeUndefined();
      expect(byId[own.id].contact).toEqual(own.contact);
    });

    it('updates its own profile but not its status or partners, which stay as they were', async () => {
      const { body: before } = await t.http.get(api(`/members/${own.id}`)).expect(200);
      const snapshot = await databaseSnapshot(t.dataSource);
      for (const change of [{ status: 'inactive' }, { partners: [other.id] }]) {
        const { body } = await t
          .as(official)
          .patch(api(`/members/${own.id}`))
          .send({ version: before.version, ...change })
          .expect(403);
        expect(body.details).toEqual([expect.objectContaining({ field: Object.keys(change)[0] })]);
      }
      expect(await databaseSnapshot(t.dataSource)).toEqual(snapshot);
      const contact = { name: 'Suva City Council', email: 'partnerships@suva.example.org' };
      const { body: after } = await t
        .as(official)
        .patch(api(`/members/${own.id}`))
        .send({ version: before.version, contact })
        .expect(200);
      expect(after.contact).toEqual(contact);
    });

    it('cannot touch another member, and learns nothing about whether a member exists', async () => {
      const { body: version } = await t.http.get(api(`/members/${other.id}`)).expect(200);
      await t
        .as(official)
        .patch(api(`/members/${other.id}`))
        .send({ version: version.version, population: 1 })
        .expect(403);
      for (const id of [other.id, 'no-such-member']) {
        const suggestions = await t
          .as(official)
          .get(api(`/members/${id}/suggestions`))
          .expect(403);
        const dismissal = await t
          .as(official)
          .post(api(`/members/${id}/dismissals`))
          .send({ candidateId: own.id })
          .expect(403);
        expect(suggestions.body.message).toBe(dismissal.body.message);
      }
      await t.http.get(api('/members/no-such-member/suggestions')).expect(404);
    });

    it('dismisses a candidate for its own member and undoes it', async () => {
      await t
        .as(official)
        .post(api(`/members/${own.id}/dismissals`))
        .send({ candidateId: other.id, reason: 'already partners elsewhere' })
        .expect(201);
      expect((await t.http.get(api(`/members/${own.id}`)).expect(200)).body.dismissed).toEqual([other.id]);
      await t
        .as(official)
        .delete(api(`/members/${own.id}/dismissals/${other.id}`))
        .expect(200);
    });
  });

  describe('the audit log', () => {
    it('records who wrote what and how it ended, never a secret', async () => {
      const before = await lastAuditId(t);
      const { body: member } = await t.http.get(api(`/members/${own.id}`)).expect(200);
      await t
        .as(official)
        .patch(api(`/members/${own.id}`))
        .send({ version: member.version, population: 93_000 })
        .expect(200);
      await t
        .as(official)
        .patch(api(`/members/${own.id}`))
        .send({ version: member.version, population: 94_000 })
        .expect(409);
      await t
        .as(official)
        .patch(api(`/members/${own.id}`))
        .send({ version: member.version, population: -1 })
        .expect(400);
      await t
        .as(official)
        .delete(api(`/members/${own.id}`))
        .expect(403);
      await t.anonymous.post(api('/recompute')).expect(401);

      const entries = await auditEntries(t, `entity=member&entityId=${own.id}`, before, 4);
      const officialTokenId = (await t.dataSource.query('SELECT id FROM api_tokens WHERE secret_hash = $1', [sha256(official)]))[0].id;
      expect(
        entries.slice(0, 4).map(({ method, outcome, statusCode, role, tokenId }) => ({ method, outcome, statusCode, role, tokenId })),
      ).toEqual([
        { method: 'DELETE', outcome: 'denied', statusCode: 403, role: 'city_official', tokenId: officialTokenId },
        { method: 'PATCH', outcome: 'rejected', statusCode: 400, role: 'city_official', tokenId: officialTokenId },
        { method: 'PATCH', outcome: 'rejected', statusCode: 409, role: 'city_official', tokenId: officialTokenId },
        { method: 'PATCH', outcome: 'succeeded', statusCode: 200, role: 'city_official', tokenId: officialTokenId },
      ]);
      expect(entries[0]).toMatchObject({ route: '/api/v1/members/:id', entity: 'member', entityId: own.id });

      const [anonymous] = await auditEntries(t, 'entity=recompute&outcome=denied', before);
      expect(anonymous).toMatchObject({ tokenId: null, role: null, method: 'POST', statusCode: 401, clientAddress: expect.any(String) });
      const { body: everything } = await t.http.get(api('/audit?limit=1000')).expect(200);
      expect(JSON.stringify(everything)).not.toContain(official);
    });

    it('writes a write’s audit row in the write’s own transaction', async () => {
      const entry = {
        tokenId: null,
        role: 'admin',
        clientAddress: 'test',
        method: 'TEST',
        route: 'transaction-test',
        entity: 'member',
        entityId: 'tx',
      };
      const count = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE route = 'transaction-test'`))[0].n;
      await expect(
        auditContextStorage.run({ entry }, () =>
          t.dataSource.transaction(async (manager) => {
            await manager.query(`UPDATE members SET name = 'Rolled Back' WHERE id = $1`, [other.id]);
            throw new Error('the write fails before committing');
          }),
        ),
      ).rejects.toThrow('the write fails');
      expect(await count()).toBe(0);
      expect((await t.http.get(api(`/members/${other.id}`)).expect(200)).body.name).toBe(other.name);

      await auditContextStorage.run({ entry }, () =>
        t.dataSource.transaction((manager) => manager.query(`UPDATE members SET name = name WHERE id = $1`, [other.id])),
      );
      expect(await count()).toBe(1);
    });

    it('refuses a bad filter naming it', async () => {
      const { body } = await t.http.get(api('/audit?outcome=maybe')).expect(400);
      expect(body.details).toEqual([expect.objectContaining({ field: 'outcome' })]);
      await t.as(official).get(api('/audit')).expect(403);
    });
  });

  if (TEST_STACK === 'services') {
    it('opens the queue dashboard to an admin’s browser, with the token as HTTP Basic password', async () => {
      const basic = (secret: string) => `Basic ${Buffer.from(`admin:${secret}`).toString('base64')}`;
      const refused = await t.anonymous.get('/admin/queues').expect(401);
      expect(refused.headers['www-authenticate']).toMatch(/^Basic realm=/);
      const admin = await t.issueToken('admin');
      await t.anonymous.get('/admin/queues').set('Authorization', basic(admin)).expect(200);
      await t.anonymous.get('/admin/queues').set('Authorization', basic(official)).expect(403);
    });
  }

  describe('npm run token:create', () => {
    const io = () => {
      const lines = { out: [] as string[], err: [] as string[] };
      return { lines, io: { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) } };
    };

    it('creates a working token, prints its secret once and audits it', async () => {
      const { lines, io: output } = io();
      expect(await runTokenCreate(['--role', 'admin', '--label', 'ops'], t.app.get(TokensService), output)).toBe(0);
      const secret = lines.out.find((line) => line.startsWith('cm_'));
      expect(secret).toBeDefined();
      await t.as(secret!).get(api('/tokens')).expect(200);
      const [entry] = await t.dataSource.query(`SELECT * FROM audit_log WHERE route = 'token:create' ORDER BY id DESC LIMIT 1`);
      expect(entry).toMatchObject({ method: 'CLI', entity: 'token', outcome: 'succeeded' });
      expect(entry.entity_id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('names the flag that is wrong and creates nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM api_tokens');
      const attempts: Array<[string[], string]> = [
        [['--role', 'mayor', '--label', 'x'], '--role'],
        [['--role', 'admin'], '--label'],
        [['--role', 'city_official', '--label', 'x'], '--member'],
        [['--role', 'city_official', '--label', 'x', '--member', 'no-such-member'], '--member'],
        [['--role', 'admin', '--label', 'x', '--colour', 'red'], 'usage'],
      ];
      for (const [argv, named] of attempts) {
        const { lines, io: output } = io();
        expect(await runTokenCreate(argv, t.app.get(TokensService), output)).not.toBe(0);
        expect(lines.err.join('\n')).toContain(named);
        expect(lines.out).toEqual([]);
      }
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM api_tokens')).toEqual(before);
    });
  });
});
