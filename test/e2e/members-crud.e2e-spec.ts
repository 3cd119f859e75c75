import { MembersService } from '../../src/members';
import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

describe('member registry: create, read, update, withdraw, list', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a member, derives its subregion and reads it back', async () => {
    const record = memberRecord({ id: 'iloilo', name: 'Iloilo', country: 'PH' });
    const created = await t.http.post('/api/v1/members').send(record).expect(201);
    expect(created.body).toMatchObject({ ...record, subregion: 'South-Eastern Asia', version: 1 });

    const read = await t.http.get('/api/v1/members/iloilo').expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('generates an id when none is given and defaults status, level, partners and dismissed', async () => {
    const { id: _id, status: _status, level: _level, partners: _partners, dismissed: _dismissed, ...rest } = memberRecord();
    const created = await t.http.post('/api/v1/members').send(rest).expect(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body).toMatchObject({ status: 'active', level: 'city', partners: [], dismissed: [] });
  });

  it('refuses a second member with the same id (409)', async () => {
    const record = memberRecord();
    await t.http.post('/api/v1/members').send(record).expect(201);
    const duplicate = await t.http
      .post('/api/v1/members')
      .send({ ...record, name: 'Other' })
      .expect(409);
    expect(duplicate.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect((await t.http.get(`/api/v1/members/${record.id}`)).body.name).toBe(record.name);
  });

  it('updates with the current version, and answers 409 without changing anything on a stale one', async () => {
    const record = memberRecord({ country: 'FJ', languages: ['eng', 'fij'] });
    await t.http.post('/api/v1/members').send(record).expect(201);

    const updated = await t.http.patch(`/api/v1/members/${record.id}`).send({ version: 1, population: 93_000, country: 'ID' }).expect(200);
    expect(updated.body).toMatchObject({ population: 93_000, country: 'ID', subregion: 'South-Eastern Asia', version: 2 });

    const stale = await t.http.patch(`/api/v1/members/${record.id}`).send({ version: 1, population: 1 }).expect(409);
    expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict', currentVersion: 2 });
    expect(stale.body.details).toEqual([{ field: 'version', message: 'version 1 is not the current version 2' }]);
    expect((await t.http.get(`/api/v1/members/${record.id}`)).body).toMatchObject({ population: 93_000, version: 2 });
  });

  it('requires the version on update', async () => {
    const record = memberRecord();
    await t.http.post('/api/v1/members').send(record).expect(201);
    const response = await t.http.patch(`/api/v1/members/${record.id}`).send({ population: 5 }).expect(400);
    expect(response.body.details).toContainEqual({ field: 'version', message: 'version is required' });
  });

  it('withdraws by setting the member inactive and keeps the record', async () => {
    const record = memberRecord();
    await t.http.post('/api/v1/members').send(record).expect(201);
    const withdrawn = await t.http.delete(`/api/v1/members/${record.id}`).expect(200);
    expect(withdrawn.body).toMatchObject({ id: record.id, status: 'inactive', version: 2 });
    expect((await t.http.get(`/api/v1/members/${record.id}`)).body).toMatchObject({ status: 'inactive', name: record.name });
  });

  it('answers 404 for an unknown member on read, update and withdraw', async () => {
    await t.http.get('/api/v1/members/nobody').expect(404);
    await t.http.patch('/api/v1/members/nobody').send({ version: 1 }).expect(404);
    const response = await t.http.delete('/api/v1/members/nobody').expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'member "nobody" not found',
      details: [{ field: 'id', message: 'no member has the id "nobody"' }],
    });
  });

  it('lists with filters and pagination', async () => {
    await t.http
      .post('/api/v1/members/import')
      .send([
        memberRecord({
          id: 'list-suva',
          name: 'Suva',
          country: 'FJ',
          languages: ['eng'],
          needs: { 'disaster-resilience': 3 },
          offers: { culture: 1 },
        }),
        memberRecord({
          id: 'list-apia',
          name: 'Apia',
          country: 'WS',
          languages: ['smo'],
          needs: { 'climate-change': 2 },
          offers: { 'disaster-resilience': 3 },
        }),
        memberRecord({ id: 'list-nadi', name: 'Nadi', country: 'FJ', languages: ['eng'], status: 'inactive', needs: {}, offers: {} }),
      ])
      .expect(200);

    const fiji = await t.http.get('/api/v1/members').query({ country: 'FJ' }).expect(200);
    expect(fiji.body.items.map((m: { id: string }) => m.id)).toEqual(['list-nadi', 'list-suva']);

    const polynesia = await t.http.get('/api/v1/members').query({ subregion: 'Polynesia' }).expect(200);
    expect(polynesia.body.items.map((m: { id: string }) => m.id)).toEqual(['list-apia']);

    const needing = await t.http.get('/api/v1/members').query({ needs: 'disaster-resilience', country: 'FJ' }).expect(200);
    expect(needing.body.items.map((m: { id: string }) => m.id)).toEqual(['list-suva']);

    const offering = await t.http.get('/api/v1/members').query({ offers: 'disaster-resilience', subregion: 'Polynesia' }).expect(200);
    expect(offering.body.total).toBe(1);

    const active = await t.http.get('/api/v1/members').query({ country: 'FJ', status: 'active' }).expect(200);
    expect(active.body.items.map((m: { id: string }) => m.id)).toEqual(['list-suva']);

    const byName = await t.http.get('/api/v1/members').query({ q: 'APi' }).expect(200);
    expect(byName.body.items.map((m: { id: string }) => m.id)).toEqual(['list-apia']);

    const page = await t.http.get('/api/v1/members').query({ limit: 1, offset: 1, country: 'FJ' }).expect(200);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.body.items.map((m: { id: string }) => m.id)).toEqual(['list-suva']);
  });

  it('lists the themes with labels', async () => {
    const themes = await t.http.get('/api/v1/themes').expect(200);
    expect(themes.body).toHaveLength(15);
    expect(themes.body[0]).toMatchObject({ slug: 'local-economic-development', label: 'Local economic development' });
    expect(themes.body.map((theme: { slug: string }) => theme.slug)).toContain('womens-leadership');
  });

  it('links two members as partners on both sides through the members service, and unlinks them', async () => {
    const a = memberRecord({ partners: [] });
    const b = memberRecord({ partners: [] });
    await t.http.post('/api/v1/members').send(a).expect(201);
    await t.http.post('/api/v1/members').send(b).expect(201);
    const members = t.app.get(MembersService);
    const [linkedA, linkedB] = await members.addPartners(a.id, b.id);
    expect([linkedA.partners, linkedB.partners]).toEqual([[b.id], [a.id]]);
    await members.addPartners(b.id, a.id); // already partners: nothing changes
    expect((await t.http.get(`/api/v1/members/${a.id}`)).body).toMatchObject({ partners: [b.id], version: 2 });
    await expect(members.addPartners(a.id, a.id)).rejects.toMatchObject({ status: 400 });
    await expect(members.addPartners(a.id, 'no-such-member')).rejects.toMatchObject({ status: 404 });
    const [unlinkedA, unlinkedB] = await members.removePartners(a.id, b.id);
    expect([unlinkedA.partners, unlinkedB.partners]).toEqual([[], []]);
  });
});
