import { Clock } from '../../src/clock';
import { DormancyService } from '../../src/partnerships';
import { memberRecord } from '../support/member-factory';
import { settle, storedAndFresh } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;
const DAY = 24 * 3600 * 1000;

/** One partnership from two officials' interest to its end, on the real app. */
describe('brokering journey', () => {
  let t: TestApp;
  let iloiloOfficial: string;
  let suvaOfficial: string;
  let secretariat: string;
  let otherSecretariat: string;
  const iloilo = memberRecord({
    id: 'iloilo',
    name: 'Iloilo',
    country: 'PH',
    lat: 10.7,
    lon: 122.56,
    population: 457_626,
    languages: ['fil', 'eng'],
    needs: { culture: 3 },
    offers: { 'disaster-resilience': 3 },
  });
  const suva = memberRecord({
    id: 'suva',
    name: 'Suva',
    country: 'FJ',
    lat: -18.14,
    lon: 178.44,
    population: 93_970,
    languages: ['eng', 'fij'],
    needs: { 'disaster-resilience': 3 },
    offers: { culture: 2 },
  });
  const apia = memberRecord({
    id: 'apia',
    name: 'Apia',
    country: 'WS',
    lat: -13.83,
    lon: -171.76,
    population: 37_708,
    languages: ['smo', 'eng'],
    needs: { culture: 1 },
    offers: { 'climate-change': 1 },
  });
  const danang = memberRecord({
    id: 'danang',
    name: 'Da Nang',
    country: 'VN',
    lat: 16.05,
    lon: 108.2,
    population: 1_134_310,
    languages: ['vie'],
    needs: { 'disaster-resilience': 2 },
    offers: { culture: 1 },
  });

  const suggestedIds = async (memberId: string) =>
    ((await t.http.get(api(`/members/${memberId}/suggestions`)).expect(200)).body.suggestions as Array<{ memberId: string }>).map(
      (s) => s.memberId,
    );

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post(api('/members/import')).send([iloilo, suva, apia, danang]).expect(200);
    await t.http.post(api('/recompute')).expect(202);
    await settle(t);
    iloiloOfficial = await t.issueToken('city_official', 'iloilo');
    suvaOfficial = await t.issueToken('city_official', 'suva');
    secretariat = await t.issueToken('secretariat');
    otherSecretariat = await t.issueToken('secretariat');
  });
  afterAll(() => t?.close());

  it('goes from mutual interest to agreement, dormancy, revival and end', async () => {
    expect(await suggestedIds('iloilo')).toContain('suva');

    // Double opt-in: Suva does not learn of Iloilo's interest until it is interested too.
    const first = await t
      .as(iloiloOfficial)
      .post(api('/members/iloilo/interests'))
      .send({ candidateId: 'suva', themes: ['culture'] })
      .expect(201);
    expect(first.body.partnershipId).toBeNull();
    expect((await t.as(suvaOfficial).get(api('/members/suva/interests')).expect(200)).body).toEqual({ sent: [], mutual: [] });
    expect((await t.as(suvaOfficial).get(api('/members/suva/notifications')).expect(200)).body).toEqual([]);
    const second = await t
      .as(suvaOfficial)
      .post(api('/members/suva/interests'))
      .send({ candidateId: 'iloilo', message: 'Let us talk' })
      .expect(201);
    const id: string = second.body.partnershipId;
    expect(id).toEqual(expect.any(String));

    const opened = (
      await t
        .as(suvaOfficial)
        .get(api(`/partnerships/${id}`))
        .expect(200)
    ).body;
    expect(opened).toMatchObject({
      memberA: 'iloilo',
      memberB: 'suva',
      stage: 'interest',
      origin: 'mutual-interest',
      version: 1,
      allowedMoves: ['introduced', 'declined'],
    });
    expect(opened.score).toBeGreaterThan(0);
    for (const [token, member] of [
      [iloiloOfficial, 'iloilo'],
      [suvaOfficial, 'suva'],
    ]) {
      const feed = (
        await t
          .as(token)
          .get(api(`/members/${member}/notifications`))
          .expect(200)
      ).body;
      expect(feed.map((n: { kind: string }) => n.kind)).toEqual(['mutual-interest']);
    }
    const secretariatFeed = (await t.as(secretariat).get(api('/notifications')).expect(200)).body;
    expect(secretariatFeed.map((n: { kind: string; partnershipId: string }) => [n.kind, n.partnershipId])).toEqual([
      ['mutual-interest', id],
    ]);

    // An official may not introduce; an illegal move lists the allowed ones; a stale version is refused.
    await t
      .as(iloiloOfficial)
      .post(api(`/partnerships/${id}/transitions`))
      .send({ to: 'introduced', version: 1 })
      .expect(403);
    const illegal = await t
      .as(secretariat)
      .post(api(`/partnerships/${id}/transitions`))
      .send({ to: 'agreement', version: 1 })
      .expect(409);
    expect(illegal.body).toMatchObject({ allowed: ['introduced', 'declined'], details: [expect.objectContaining({ field: 'to' })] });
    let version = (
      await t
        .as(secretariat)
        .post(api(`/partnerships/${id}/transitions`))
        .send({ to: 'introduced', version: 1, note: 'call on 3 Dec' })
        .expect(201)
    ).body.version;
    const stale = await t
      .as(secretariat)
      .post(api(`/partnerships/${id}/transitions`))
      .send({ to: 'exploring', version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({ currentVersion: version });
    version = (
      await t
        .as(secretariat)
        .post(api(`/partnerships/${id}/transitions`))
        .send({ to: 'exploring', version })
        .expect(201)
    ).body.version;
    const missingAgreement = await t
      .as(secretariat)
      .post(api(`/partnerships/${id}/transitions`))
      .send({ to: 'agreement', version })
      .expect(400);
    expect(missingAgreement.body.details).toEqual([expect.objectContaining({ field: 'agreement' })]);

    const today = new Date().toISOString().slice(0, 10);
    const agreement = {
      signedOn: today,
      termEndsOn: '2031-12-31',
      signatories: ['Mayor of Iloilo', 'Lord Mayor of Suva'],
      reference: 'MoU-2026-1',
    };
    const signed = await t
      .as(secretariat)
      .post(api(`/partnerships/${id}/transitions`))
      .send({ to: 'agreement', version, agreement })
      .expect(201);
    expect(signed.body).toMatchObject({ stage: 'agreement', agreement: { ...agreement, documentUrl: null } });

    // Partners now: the pair leaves both lists, exactly as a fresh full computation has them.
    await settle(t);
    expect(await suggestedIds('iloilo')).not.toContain('suva');
    expect(await suggestedIds('suva')).not.toContain('iloilo');
    const { stored, fresh } = await storedAndFresh(t);
    expect(stored).toEqual(fresh);
    expect((await t.http.get(api('/members/iloilo')).expect(200)).body.partners).toEqual(['suva']);

    // The action plan and what happened.
    const planned = await t
      .as(iloiloOfficial)
      .post(api(`/partnerships/${id}/milestones`))
      .send({ title: 'Joint action plan', dueOn: '2027-03-31' })
      .expect(201);
    expect(planned.body.milestones).toEqual([expect.objectContaining({ title: 'Joint action plan', dueOn: '2027-03-31', doneOn: null })]);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const future = await t
      .as(suvaOfficial)
      .post(api(`/partnerships/${id}/activities`))
      .send({ occurredOn: tomorrow, kind: 'visit', summary: 'Too early' })
      .expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);
    await t
      .as(suvaOfficial)
      .post(api(`/partnerships/${id}/activities`))
      .send({ occurredOn: today, kind: 'visit', summary: 'Study visit', participants: ['Deputy mayor'] })
      .expect(201);
    version = (
      await t
        .as(secretariat)
        .get(api(`/partnerships/${id}`))
        .expect(200)
    ).body.version;
    const implementing = (
      await t
        .as(secretariat)
        .post(api(`/partnerships/${id}/transitions`))
        .send({ to: 'implementing', version })
        .expect(201)
    ).body;
    expect(implementing).toMatchObject({ stage: 'implementing', lastActivityOn: expect.any(String) });

    // A year and a half of silence: the daily check marks it dormant, with the reason.
    const later = new Date(Date.now() + 500 * DAY);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(later);
    await t.app.get(DormancyService).sweep();
    await settle(t);
    const dormant = (
      await t
        .as(iloiloOfficial)
        .get(api(`/partnerships/${id}`))
        .expect(200)
    ).body;
    expect(dormant.stage).toBe('dormant');
    expect(dormant.history.at(-1)).toMatchObject({
      from: 'implementing',
      to: 'dormant',
      reason: expect.stringMatching(/no activity|milestone/),
    });
    expect((await t.as(suvaOfficial).get(api('/members/suva/notifications?unread=true')).expect(200)).body[0].kind).toBe('dormant');

    // An activity brings it back; then it ends, and the pair is not suggested again.
    const laterDay = later.toISOString().slice(0, 10);
    const revived = await t
      .as(suvaOfficial)
      .post(api(`/partnerships/${id}/activities`))
      .send({ occurredOn: laterDay, kind: 'meeting', summary: 'New plan' })
      .expect(201);
    expect(revived.body.stage).toBe('implementing');
    const ended = await t
      .as(otherSecretariat)
      .post(api(`/partnerships/${id}/transitions`))
      .send({ to: 'ended', version: revived.body.version, reason: 'council decision' })
      .expect(201);
    expect(ended.body).toMatchObject({ stage: 'ended', endReason: 'council decision', endedOn: laterDay, allowedMoves: [] });
    jest.restoreAllMocks();
    await settle(t);
    expect((await t.http.get(api('/members/iloilo')).expect(200)).body.partners).toEqual([]);
    expect(await suggestedIds('iloilo')).not.toContain('suva');
    const after = await storedAndFresh(t);
    expect(after.stored).toEqual(after.fresh);
    expect(ended.body.history.map((h: { to: string }) => h.to)).toEqual([
      'interest',
      'introduced',
      'exploring',
      'agreement',
      'implementing',
      'dormant',
      'implementing',
      'ended',
    ]);
  });
});
