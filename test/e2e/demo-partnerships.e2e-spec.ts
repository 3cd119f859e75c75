import { Clock } from '../../src/clock';
import { STAGES } from '../../src/partnerships/partnership-stages';
import { DemoPartnershipsService } from '../../src/partnerships/seed/demo-partnerships.service';
import { BoardRepository } from '../../src/partnerships/board.repository';
import { DormancyService } from '../../src/partnerships/dormancy.service';
import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;

describe('the demo seed gives the board partnerships in every stage, stalled and dormant ones', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // Part of the demo network: enough members for every demo story.
    const demo = loadGeoNamesProfiles(DEMO_SEED).slice(0, 300);
    await t.http.post(api('/members/import')).send(demo).expect(200);
  }, 180_000);
  afterAll(() => t?.close());

  it('creates synthetic partnerships in every stage, some stalled and some dormant', async () => {
    const summary = await t.app.get(DemoPartnershipsService).seed();
    expect(summary).toMatchObject({ present: 0, skipped: 0 });
    expect(summary.created).toBeGreaterThan(100);

    const board = (await t.http.get(api('/partnerships/board')).expect(200)).body;
    for (const stage of STAGES) expect(board.stages[stage]).toBeGreaterThan(0);
    expect(board.stalled.length).toBeGreaterThan(0);
    expect(board.dormant.length).toBeGreaterThan(0);
    const page = (await t.http.get(api('/partnerships?limit=200')).expect(200)).body;
    expect(page.total).toBe(summary.created);
    expect(page.items.every((p: { synthetic: boolean }) => p.synthetic)).toBe(true);

    // An implementing one: its members are partners, and its story is in its history.
    const implementing = page.items.find((p: { stage: string }) => p.stage === 'implementing');
    const full = (await t.http.get(api(`/partnerships/${implementing.id}`)).expect(200)).body;
    expect(full.history.map((h: { to: string }) => h.to)).toEqual(['interest', 'introduced', 'exploring', 'agreement', 'implementing']);
    expect(full.activities.length).toBeGreaterThan(0);
    expect((await t.http.get(api(`/members/${implementing.memberA}`)).expect(200)).body.partners).toContain(implementing.memberB);

    // The daily dormancy check agrees with the demo stories: nothing implementing goes dormant.
    await t.app.get(DormancyService).sweep();
    await settle(t);
    const after = (await t.http.get(api('/partnerships/board')).expect(200)).body;
    expect(after.stages).toEqual(board.stages);
  });

  it('works the board out once per state of the partnerships: a repeat reads it again, a move shows at once', async () => {
    const figures = jest.spyOn(t.app.get(BoardRepository), 'figures');
    // One instant throughout (a minute no read has seen yet), so that the minute does not turn between the reads.
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 120_000));
    try {
      const first = (await t.http.get(api('/partnerships/board')).expect(200)).body;
      const again = await Promise.all([1, 2, 3].map(() => t.http.get(api('/partnerships/board')).expect(200)));
      for (const { body } of again) expect(body).toEqual(first);
      expect(figures).toHaveBeenCalledTimes(1);

      const exploring = (await t.http.get(api('/partnerships?stage=exploring&limit=1')).expect(200)).body.items[0];
      await t.http
        .post(api(`/partnerships/${exploring.id}/transitions`))
        .send({ to: 'declined', version: exploring.version, reason: 'no budget' })
        .expect(201);
      const after = (await t.http.get(api('/partnerships/board')).expect(200)).body;
      expect(after.stages).toMatchObject({ exploring: first.stages.exploring - 1, declined: first.stages.declined + 1 });
    } finally {
      figures.mockRestore();
      clock.mockRestore();
    }
  });

  it('seeds again without touching what exists, even a demo partnership someone has moved since', async () => {
    const early = (await t.http.get(api('/partnerships?stage=interest&limit=1')).expect(200)).body.items[0];
    await t.http
      .post(api(`/partnerships/${early.id}/transitions`))
      .send({ to: 'introduced', version: early.version, note: 'met at the forum' })
      .expect(201);
    const before = await t.dataSource.query('SELECT id, stage, version, updated_at FROM partnerships ORDER BY id');

    const summary = await t.app.get(DemoPartnershipsService).seed();
    expect(summary).toEqual({ created: 0, present: before.length, skipped: 0 });
    expect(await t.app.get(DemoPartnershipsService).seedIfNone()).toBe(false);
    expect(await t.dataSource.query('SELECT id, stage, version, updated_at FROM partnerships ORDER BY id')).toEqual(before);
  });
});
