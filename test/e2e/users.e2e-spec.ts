import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';
import { DemoUsersService } from '../../src/users';

const api = (path: string) => `/api/v1${path}`;

describe('users: people, their digest settings, and members’ contacts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http
      .post(api('/members/import'))
      .send([
        memberRecord({
          id: 'kathmandu',
          country: 'NP',
          lat: 27.7172,
          lon: 85.324,
          contact: { name: 'Sita Rai', email: 'Sita@KTM.example.org' },
        }),
        memberRecord({ id: 'sydney', country: 'AU', lat: -33.8688, lon: 151.2093, synthetic: true, contact: undefined }),
      ])
      .expect(200);
    // Starting the app and loading its data takes long on a loaded machine.
  }, 180_000);
  afterAll(() => t?.close());

  it("makes a user of a member's contact on import, takes the time zone from the member, and exports it back", async () => {
    const { items } = (await t.http.get(api('/members/kathmandu/users')).expect(200)).body;
    expect(items).toEqual([
      expect.objectContaining({
        email: 'Sita@KTM.example.org',
        name: 'Sita Rai',
        role: 'city_official',
        memberId: 'kathmandu',
        memberContact: true,
        timeZone: 'Asia/Kathmandu',
        timeZoneOverride: null,
        digest: { enabled: true, weekday: 1, hour: 8 },
      }),
    ]);
    // Renamed as a user, exported renamed.
    await t.http
      .patch(api(`/users/${items[0].id}`))
      .send({ version: items[0].version, name: 'Sita Rai-Shrestha' })
      .expect(200);
    const exported = (await t.http.get(api('/members/export')).expect(200)).body;
    expect(exported.find((member: { id: string }) => member.id === 'kathmandu').contact).toEqual({
      name: 'Sita Rai-Shrestha',
      email: 'Sita@KTM.example.org',
    });
  });

  it('a changed contact becomes the contact user; the former one stays a user; addresses are case-insensitive', async () => {
    const member = (await t.http.get(api('/members/kathmandu')).expect(200)).body;
    await t.http
      .patch(api('/members/kathmandu'))
      .send({ version: member.version, contact: { name: 'Hari', email: 'hari@ktm.example.org' } })
      .expect(200);
    const { items } = (await t.http.get(api('/members/kathmandu/users')).expect(200)).body;
    expect(items.map((user: { email: string; memberContact: boolean }) => [user.email, user.memberContact]).sort()).toEqual([
      ['Sita@KTM.example.org', false],
      ['hari@ktm.example.org', true],
    ]);
    const duplicate = await t.http
      .post(api('/users'))
      .send({ email: 'SITA@ktm.example.org', name: 'Again', role: 'city_official', memberId: 'kathmandu' })
      .expect(409);
    expect(duplicate.body.details[0].field).toBe('email');
  });

  it('validates users and names the field', async () => {
    const noMember = await t.http.post(api('/users')).send({ email: 'a@example.org', name: 'A', role: 'city_official' }).expect(400);
    expect(noMember.body.details).toEqual([expect.objectContaining({ field: 'memberId' })]);
    const unknown = await t.http
      .post(api('/users'))
      .send({ email: 'a@example.org', name: 'A', role: 'city_official', memberId: 'atlantis' })
      .expect(400);
    expect(unknown.body.message).toContain('atlantis');
    const badZone = await t.http
      .post(api('/users'))
      .send({ email: 'a@example.org', name: 'A', role: 'secretariat', timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(badZone.body.details[0].field).toBe('timeZone');
    const badHour = await t.http
      .post(api('/users'))
      .send({ email: 'a@example.org', name: 'A', role: 'secretariat', digestHour: 24 })
      .expect(400);
    expect(badHour.body.details[0].field).toBe('digestHour');
    expect((await t.http.get(api('/users?q=a@example.org')).expect(200)).body.total).toBe(0);
  });

  it('a user may override its time zone, and null goes back to the member’s; a stale version is refused', async () => {
    const created = (
      await t.http
        .post(api('/users'))
        .send({ email: 'ops@syd.example.org', name: 'Ops', role: 'city_official', memberId: 'sydney' })
        .expect(201)
    ).body;
    expect(created.timeZone).toBe('Australia/Sydney');
    const moved = (
      await t.http
        .patch(api(`/users/${created.id}`))
        .send({ version: created.version, timeZone: 'Australia/Perth' })
        .expect(200)
    ).body;
    expect(moved).toMatchObject({ timeZone: 'Australia/Perth', timeZoneOverride: 'Australia/Perth' });
    await t.http
      .patch(api(`/users/${created.id}`))
      .send({ version: created.version, digestHour: 7 })
      .expect(409);
    const back = (
      await t.http
        .patch(api(`/users/${created.id}`))
        .send({ version: moved.version, timeZone: null })
        .expect(200)
    ).body;
    expect(back).toMatchObject({ timeZone: 'Australia/Sydney', timeZoneOverride: null, digest: { hour: 8 } });
  });

  it("an official token reads its own member's users only", async () => {
    const official = t.as(await t.issueToken('city_official', 'sydney'));
    const seen = (await official.get(api('/users')).expect(200)).body.items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((user: { memberId: string }) => user.memberId === 'sydney')).toBe(true);
    const other = (await t.http.get(api('/members/kathmandu/users')).expect(200)).body.items[0];
    await official.get(api(`/users/${other.id}`)).expect(404);
  });

  it('demo people: one or two officials per demo member at example.org, and three secretariat users, in one go', async () => {
    await t.app.get(DemoUsersService).seed();
    const sydney = (await t.http.get(api('/members/sydney/users?q=example.org')).expect(200)).body.items;
    const demo = sydney.filter((user: { email: string }) => user.email.startsWith('official'));
    expect(demo.length).toBeGreaterThanOrEqual(1);
    expect(demo.length).toBeLessThanOrEqual(2);
    expect(demo.every((user: { email: string }) => user.email.endsWith('@example.org'))).toBe(true);
    expect((await t.http.get(api('/users?role=secretariat&q=secretariat.')).expect(200)).body.total).toBe(3);
    // Only demo members get demo officials.
    expect((await t.http.get(api('/members/kathmandu/users?q=official')).expect(200)).body.total).toBe(0);
  });
});
