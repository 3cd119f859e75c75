import { Clock } from '../../src/clock';
import { DormancyService } from '../../src/partnerships';
import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;
const DAY = 24 * 3600 * 1000;

/** Bad input, concurrent moves, imported partners and a dormancy check run twice. */
describe('brokering rules', () => {
  let t: TestApp;
  let secretariat: string;
  let otherSecretariat: string;
  const cities = [
    memberRecord({ id: 'cebu', name: 'Cebu City', country: 'PH', lat: 10.32, lon: 123.89, population: 922_611 }),
    memberRecord({ id: 'kitakyushu', name: 'Kitakyushu', country: 'JP', lat: 33.88, lon: 130.88, population: 940_141, languages: ['jpn'] }),
    memberRecord({ id: 'surabaya', name: 'Surabaya', country: 'ID', lat: -7.25, lon: 112.75, population: 2_874_314, languages: ['ind'] }),
    memberRecord({
      id: 'penang',
      name: 'George Town',
      country: 'MY',
      lat: 5.41,
      lon: 100.34,
      population: 300_000,
      languages: ['msa', 'eng'],
    }),
  ];

  const open = (body: object, token = secretariat) => t.as(token).post(api('/partnerships')).send(body);
  const move = (id: string, body: object, token = secretariat) =>
    t
      .as(token)
      .post(api(`/partnerships/${id}/transitions`))
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post(api('/members/import')).send(cities).expect(200);
    secretariat = await t.issueToken('secretariat');
    otherSecretariat = await t.issueToken('secretariat');
  });
  afterAll(() => t?.close());

  it('refuses an unknown member (404), the same member twice (400) and a second open partnership of a pair (409 pointing to it)', async () => {
    expect((await open({ memberA: 'cebu', memberB: 'atlantis' }).expect(404)).body.message).toMatch(/atlantis/);
    expect((await open({ memberA: 'cebu', memberB: 'cebu' }).expect(400)).body.details).toEqual([
      expect.objectContaining({ field: 'memberB' }),
    ]);
    const first = (await open({ memberA: 'kitakyushu', memberB: 'cebu', kind: 'project' }).expect(201)).body;
    expect(first).toMatchObject({ memberA: 'cebu', memberB: 'kitakyushu', origin: 'secretariat', stage: 'interest' });
    const again = await open({ memberA: 'cebu', memberB: 'kitakyushu' }).expect(409);
    expect(again.body).toMatchObject({ partnershipId: first.id, location: `/api/v1/partnerships/${first.id}` });
    expect((await t.http.get(api('/interests')).expect(200)).body).toEqual([]);
  });

  it('lets one of two secretariat users move the same version; the other gets 409 and nothing of theirs is applied', async () => {
    const { id, version } = (await open({ memberA: 'surabaya', memberB: 'penang' }).expect(201)).body;
    // The same move with different notes: whichever wins, the stage is the same for the tests below.
    const answers = await Promise.all([
      move(id, { to: 'introduced', version, note: 'first' }),
      move(id, { to: 'introduced', version, note: 'second' }, otherSecretariat),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const winner = answers.find((answer) => answer.status === 201)!.body;
    const after = (await t.http.get(api(`/partnerships/${id}`)).expect(200)).body;
    expect(after.version).toBe(version + 1);
    expect(after.history).toHaveLength(2);
    expect(after.history[1].note).toBe(winner.history[1].note);
  });

  it('turns imported partners into partnerships at implementing, exports them, and refuses a PATCH of partners', async () => {
    const [cebu, , surabaya] = cities;
    await t.http
      .post(api('/members/import'))
      .send([
        { ...cebu, partners: ['surabaya'] },
        { ...surabaya, partners: ['cebu'] },
      ])
      .expect(200);
    await settle(t);
    const [row] = await t.dataSource.query(`SELECT id, stage, origin FROM partnerships WHERE member_a = 'cebu' AND member_b = 'surabaya'`);
    expect(row).toMatchObject({ stage: 'implementing', origin: 'imported' });
    const exported = (await t.http.get(api('/members/export')).expect(200)).body;
    expect(exported.find((m: { id: string }) => m.id === 'cebu').partners).toEqual(['surabaya']);
    const { version } = (await t.http.get(api('/members/penang')).expect(200)).body;
    const refused = await t.http
      .patch(api('/members/penang'))
      .send({ version, partners: ['cebu'] })
      .expect(400);
    expect(refused.body.details).toEqual([{ field: 'partners', message: expect.stringContaining('/api/v1/partnerships') }]);
    expect((await t.http.get(api('/members/penang')).expect(200)).body).toMatchObject({ version, partners: [] });
  });

  it('gives the same result when the dormancy check is interrupted and run again', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM partnerships WHERE member_a = 'cebu' AND member_b = 'surabaya'`);
    const asOf = new Date(Date.now() + 400 * DAY);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(asOf);
    const dormancy = t.app.get(DormancyService);
    // The worker died after deciding this one partnership, before the others: the rerun checks everything again.
    await dormancy.check(row.id, asOf);
    await dormancy.sweep(asOf);
    await settle(t);
    await dormancy.sweep(asOf);
    await settle(t);
    jest.restoreAllMocks();
    const p = (await t.http.get(api(`/partnerships/${row.id}`)).expect(200)).body;
    expect(p.stage).toBe('dormant');
    expect(p.history.filter((h: { to: string }) => h.to === 'dormant')).toHaveLength(1);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE kind = 'dormant' AND partnership_id = $1`,
      [row.id],
    );
    expect(count).toBe(3);
  });

  it('lists partnerships with filters and as CSV, and sums them up on the board', async () => {
    const all = (await t.as(secretariat).get(api('/partnerships?sort=opened&limit=2')).expect(200)).body;
    expect(all).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(all.items).toHaveLength(2);
    // Newest opened first, the same order on every page.
    const byOpened = (await t.as(secretariat).get(api('/partnerships?sort=opened')).expect(200)).body.items;
    const openedAt = byOpened.map((p: { openedAt: string }) => p.openedAt);
    expect(openedAt).toEqual([...openedAt].sort().reverse());
    expect(all.items).toEqual(byOpened.slice(0, 2));
    const ofCebu = (await t.as(secretariat).get(api('/partnerships?member=cebu&stage=interest')).expect(200)).body;
    expect(ofCebu.items.map((p: { memberB: string }) => p.memberB)).toEqual(['kitakyushu']);
    const seAsia = (await t.as(secretariat).get(api('/partnerships?subregion=South-Eastern%20Asia&dormant=true')).expect(200)).body;
    expect(seAsia.items.map((p: { memberB: string }) => p.memberB)).toEqual(['surabaya']);
    await t.as(secretariat).get(api('/partnerships?stage=finished')).expect(400);
    const csv = await t.as(secretariat).get(api('/partnerships?kind=project&format=csv')).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,memberA,memberB,kind,stage/);
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 5))).toEqual([['cebu', 'kitakyushu', 'project', 'interest']]);
    const board = (await t.as(secretariat).get(api('/partnerships/board')).expect(200)).body;
    expect(board.stages).toMatchObject({ interest: 1, introduced: 1, dormant: 1, ended: 0 });
    expect(board.dormant.map((d: { memberB: string }) => d.memberB)).toEqual(['surabaya']);
    expect(board.openedLast12Months).toEqual({ opened: 2, reachedAgreement: 0, share: 0 });
    expect(board.subregions).toEqual(expect.arrayContaining([{ subregion: 'South-Eastern Asia', count: 3 }]));
  });

  it('counts the whole filtered list past its last page and when nothing matches, and counts again after each change', async () => {
    const list = async (query: string) =>
      (
        await t
          .as(secretariat)
          .get(api(`/partnerships?${query}`))
          .expect(200)
      ).body;
    expect(await list('stage=interest&limit=1&offset=5')).toEqual({ items: [], total: 1, limit: 1, offset: 5 });
    expect(await list('stage=agreement')).toMatchObject({ items: [], total: 0 });
    expect(await list('subregion=Melanesia')).toMatchObject({ items: [], total: 0 });
    const [interest] = (await list('stage=interest')).items;
    expect(interest).toMatchObject({ memberA: 'cebu', memberB: 'kitakyushu', allowedMoves: expect.arrayContaining(['introduced']) });
    // Timestamps as the records hold them elsewhere: ISO 8601 in UTC, to the millisecond.
    expect(interest.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(interest.updatedAt).toBe((await t.http.get(api(`/partnerships/${interest.id}`)).expect(200)).body.updatedAt);

    const moved = (await move(interest.id, { to: 'introduced', version: interest.version }).expect(201)).body;
    expect(await list('stage=interest')).toMatchObject({ items: [], total: 0 });
    expect(await list('stage=introduced&limit=1')).toMatchObject({ total: 2, items: [expect.objectContaining({ id: interest.id })] });
    // An edit that is no stage change: an earlier dormancy check left newer updated_at values than this one's.
    expect((await list('owner=desk-asia')).total).toBe(0);
    await t
      .as(secretariat)
      .patch(api(`/partnerships/${interest.id}`))
      .send({ owner: 'desk-asia', version: moved.version })
      .expect(200);
    expect(await list('owner=desk-asia')).toMatchObject({ total: 1, items: [expect.objectContaining({ id: interest.id })] });
  });

  it('refuses milestones and activities on a declined or ended partnership (409 naming its stage) and changes nothing', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM partnerships WHERE member_a = 'cebu' AND member_b = 'surabaya'`);
    const planned = (
      await t.http
        .post(api(`/partnerships/${row.id}/milestones`))
        .send({ title: 'Closing report', dueOn: '2030-01-31' })
        .expect(201)
    ).body;
    const [milestone] = planned.milestones;
    await move(row.id, { to: 'ended', version: planned.version, reason: 'programme over' }).expect(201);
    const ended = (await t.http.get(api(`/partnerships/${row.id}`)).expect(200)).body;
    expect(ended).toMatchObject({ stage: 'ended', allowedMoves: [] });

    const official = await t.issueToken('city_official', 'cebu');
    const refusals = [
      t
        .as(official)
        .post(api(`/partnerships/${row.id}/milestones`))
        .send({ title: 'One more', dueOn: '2030-06-30' }),
      t
        .as(official)
        .patch(api(`/partnerships/${row.id}/milestones/${milestone.id}`))
        .send({ version: milestone.version, title: 'Renamed' }),
      t
        .as(official)
        .post(api(`/partnerships/${row.id}/activities`))
        .send({ occurredOn: '2026-01-05', kind: 'visit', summary: 'Late visit' }),
    ];
    for (const refusal of await Promise.all(refusals)) {
      expect(refusal.status).toBe(409);
      expect(refusal.body).toMatchObject({
        message: expect.stringMatching(/^this partnership is ended, so it is closed/),
        stage: 'ended',
        closedStages: ['declined', 'ended'],
        details: [expect.objectContaining({ field: 'stage' })],
      });
    }
    expect((await t.http.get(api(`/partnerships/${row.id}`)).expect(200)).body).toEqual(ended);

    const declined = (await open({ memberA: 'kitakyushu', memberB: 'penang' }).expect(201)).body;
    await move(declined.id, { to: 'declined', version: declined.version, reason: 'no shared theme' }).expect(201);
    const refused = await t.http
      .post(api(`/partnerships/${declined.id}/activities`))
      .send({ occurredOn: '2026-01-05', kind: 'meeting', summary: 'Call' })
      .expect(409);
    expect(refused.body.message).toMatch(/^this partnership is declined, so it is closed: logging an activity is no longer possible/);
    expect((await t.http.get(api(`/partnerships/${declined.id}`)).expect(200)).body).toMatchObject({ activities: [], milestones: [] });
  });
});
