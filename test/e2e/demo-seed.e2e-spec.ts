import { DemoSeedService } from '../../src/members/seed/demo-seed.service';
import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { startTestApp, type TestApp } from '../support/test-app';

const MEMBERS = '/api/v1/members';

describe('the demo seed adds what is missing and never changes a member that exists', () => {
  let t: TestApp;
  const demo = loadGeoNamesProfiles(DEMO_SEED);
  const [edited, imported, untouched] = demo;

  beforeAll(async () => {
    t = await startTestApp();
    // A network that already holds three demo members: one as generated, one imported with other
    // values, and one its own official has since changed.
    const importedChange = { ...imported, name: `${imported.name} (imported)` };
    await t.http
      .post(`${MEMBERS}/import`)
      .send([{ ...edited, partners: [], dismissed: [] }, { ...importedChange, partners: [], dismissed: [] }, untouched])
      .expect(200);
    const current = (await t.http.get(`${MEMBERS}/${edited.id}`).expect(200)).body;
    await t.http
      .patch(`${MEMBERS}/${edited.id}`)
      .send({ version: current.version, needs: { 'climate-change': 1 }, offers: {} })
      .expect(200);
  });
  afterAll(() => t?.close());

  it('creates the missing demo members, keeps the changed ones as they are and says which it skipped', async () => {
    const summary = await t.app.get(DemoSeedService).seed();
    expect(summary.created).toBe(demo.length - 3);
    expect(summary.keptAsChanged.sort()).toEqual([edited.id, imported.id].sort());
    expect(summary.unchanged).toBe(1);

    expect((await t.http.get(`${MEMBERS}/${edited.id}`).expect(200)).body).toMatchObject({ needs: { 'climate-change': 1 }, offers: {} });
    expect((await t.http.get(`${MEMBERS}/${imported.id}`).expect(200)).body.name).toBe(`${imported.name} (imported)`);
    const page = await t.http.get(MEMBERS).query({ limit: 1 }).expect(200);
    expect(page.body.total).toBe(demo.length);
  });

  it('a second seed creates nothing and changes nothing', async () => {
    const before = await t.dataSource.query('SELECT id, version, updated_at FROM members ORDER BY id');
    const summary = await t.app.get(DemoSeedService).seed();
    expect(summary).toEqual({ created: 0, unchanged: demo.length - 2, keptAsChanged: expect.any(Array) });
    expect(await t.dataSource.query('SELECT id, version, updated_at FROM members ORDER BY id')).toEqual(before);
  });
});
