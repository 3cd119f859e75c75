import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

const EXCLUSIONS = '/api/v1/matching/exclusions';

/** Members closed to new partnerships and the secretariat's excluded country pairs, over HTTP. */
describe('network rules: openness and excluded country pairs', () => {
  let t: TestApp;
  const suva = memberRecord({ id: 'nr-suva', country: 'FJ', needs: { 'disaster-resilience': 3 }, offers: { culture: 2 } });
  const iloilo = memberRecord({ id: 'nr-iloilo', country: 'PH', needs: { culture: 3 }, offers: { 'disaster-resilience': 3 } });
  const danang = memberRecord({ id: 'nr-danang', country: 'VN', needs: { culture: 1 }, offers: { 'disaster-resilience': 2 } });
  const kobe = memberRecord({ id: 'nr-kobe', country: 'JP', needs: { culture: 2 }, offers: { 'disaster-resilience': 3 } });

  const suggestedTo = async (id: string): Promise<string[]> =>
    (await t.http.get(`/api/v1/members/${id}/suggestions`).expect(200)).body.suggestions.map((s: { memberId: string }) => s.memberId);

  beforeAll(async () => {
    t = await startTestApp();
    await t.http
      .post('/api/v1/members/import')
      .send([suva, iloilo, danang, { ...kobe, openToPartnerships: false, capacity: 2 }])
      .expect(200);
    await settle(t);
  }, 120_000);
  afterAll(() => t.close());

  it('keeps what a member says about new partnerships in its record, and round-trips it through export', async () => {
    const { body } = await t.http.get('/api/v1/members/nr-kobe').expect(200);
    expect(body).toMatchObject({ openToPartnerships: false, capacity: 2 });
    const exported = (await t.http.get('/api/v1/members/export').expect(200)).body;
    expect(exported.find((r: { id: string }) => r.id === 'nr-suva')).toMatchObject({ openToPartnerships: true, capacity: null });
  });

  it('never suggests a member that is not open to new partnerships, and suggests it again once it opens', async () => {
    expect(await suggestedTo('nr-suva')).toEqual(expect.arrayContaining(['nr-iloilo', 'nr-danang']));
    expect(await suggestedTo('nr-suva')).not.toContain('nr-kobe');
    const { version } = (await t.http.get('/api/v1/members/nr-kobe').expect(200)).body;
    await t.http.patch('/api/v1/members/nr-kobe').send({ version, openToPartnerships: true }).expect(200);
    await settle(t);
    expect(await suggestedTo('nr-suva')).toContain('nr-kobe');
  });

  it('rejects a bad capacity naming the field, and changes nothing', async () => {
    const { version } = (await t.http.get('/api/v1/members/nr-danang').expect(200)).body;
    const { body } = await t.http.patch('/api/v1/members/nr-danang').send({ version, capacity: -1 }).expect(400);
    expect(JSON.stringify(body)).toContain('capacity');
    expect((await t.http.get('/api/v1/members/nr-danang').expect(200)).body).toMatchObject({ version, capacity: null });
  });

  it('excludes a country pair both ways, audited, until the secretariat lifts it', async () => {
    const { body: added } = await t.http
      .post(EXCLUSIONS)
      .send({ countries: ['PH', 'FJ'] })
      .expect(201);
    expect(added.countries).toEqual(['FJ', 'PH']);
    expect(await suggestedTo('nr-suva')).not.toContain('nr-iloilo');
    expect(await suggestedTo('nr-iloilo')).not.toContain('nr-suva');
    expect((await t.http.get(EXCLUSIONS).expect(200)).body.exclusions).toEqual([
      { countries: ['FJ', 'PH'], createdAt: expect.any(String) },
    ]);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE route LIKE '%/matching/exclusions%' AND method = 'POST'`,
    );
    expect(audit.count).toBeGreaterThanOrEqual(1);

    await t.http
      .post(EXCLUSIONS)
      .send({ countries: ['FJ', 'PH'] })
      .expect(409);
    await t.http.delete(`${EXCLUSIONS}/PH/FJ`).expect(204);
    await t.http.delete(`${EXCLUSIONS}/PH/FJ`).expect(404);
    expect(await suggestedTo('nr-suva')).toContain('nr-iloilo');
  });

  it('explains any two members, with the rules that make the pair ineligible', async () => {
    await t.http
      .post(EXCLUSIONS)
      .send({ countries: ['PH', 'FJ'] })
      .expect(201);
    const { body } = await t.http.get('/api/v1/pairs/nr-suva/nr-iloilo/explanation').expect(200);
    expect(body).toMatchObject({ eligible: false, member: { id: 'nr-suva' }, candidate: { id: 'nr-iloilo' } });
    expect(body.ineligibleBecause.map((r: { rule: string }) => r.rule)).toEqual(['excluded-country-pair']);
    expect(body.explanation.candidateOffersMember.themes[0]).toMatchObject({ label: 'Disaster resilience' });
    expect(body.fit).toBe(Math.round(100 * body.score));
    await t.http.delete(`${EXCLUSIONS}/PH/FJ`).expect(204);
    const open = (await t.http.get('/api/v1/pairs/nr-suva/nr-iloilo/explanation').expect(200)).body;
    expect(open).toMatchObject({ eligible: true, ineligibleBecause: [] });
    await t.http.get('/api/v1/pairs/nr-suva/nowhere/explanation').expect(404);
  });

  it('rejects a pair that is not two different country codes, naming the field', async () => {
    const same = await t.http
      .post(EXCLUSIONS)
      .send({ countries: ['FJ', 'FJ'] })
      .expect(400);
    expect(JSON.stringify(same.body)).toContain('countries');
    const unknown = await t.http
      .post(EXCLUSIONS)
      .send({ countries: ['FJ', 'XX'] })
      .expect(400);
    expect(JSON.stringify(unknown.body)).toContain('countries[1]');
    expect((await t.http.get(EXCLUSIONS).expect(200)).body.exclusions).toEqual([]);
  });
});
