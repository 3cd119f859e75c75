import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;

/** An official lists its own member's partnerships, at every stage, and nobody else's. */
describe('a member’s partnerships', () => {
  let t: TestApp;
  const cities = ['nadi', 'lautoka', 'labasa'].map((id, index) =>
    memberRecord({ id, name: id, country: 'FJ', lat: -17 - index, lon: 177 }),
  );

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post(api('/members/import')).send(cities).expect(200);
  });
  afterAll(() => t?.close());

  it('answers the member’s partnerships with their allowed moves, and refuses another member’s official', async () => {
    const withLautoka = (await t.http.post(api('/partnerships')).send({ memberA: 'nadi', memberB: 'lautoka' }).expect(201)).body;
    const declined = (await t.http.post(api('/partnerships')).send({ memberA: 'labasa', memberB: 'nadi' }).expect(201)).body;
    await t.http
      .post(api(`/partnerships/${declined.id}/transitions`))
      .send({ to: 'declined', version: declined.version, reason: 'no capacity this year' })
      .expect(201);
    const official = await t.issueToken('city_official', 'lautoka');

    const nadi = (await t.http.get(api('/members/nadi/partnerships')).expect(200)).body;
    expect(nadi.total).toBe(2);
    expect(nadi.items.map((p: { id: string; stage: string }) => [p.id, p.stage]).sort()).toEqual(
      [
        [withLautoka.id, 'interest'],
        [declined.id, 'declined'],
      ].sort(),
    );
    const lautoka = (await t.as(official).get(api('/members/lautoka/partnerships')).expect(200)).body;
    expect(lautoka.items).toEqual([expect.objectContaining({ id: withLautoka.id, allowedMoves: ['introduced', 'declined'] })]);
    await t.as(official).get(api('/members/nadi/partnerships')).expect(403);
    expect((await t.http.get(api('/members/nadi/partnerships?limit=0')).expect(400)).body.details).toEqual([
      expect.objectContaining({ field: 'limit' }),
    ]);
  });
});
