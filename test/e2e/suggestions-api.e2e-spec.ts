import { makePartners } from '../support/partnerships';
import { memberRecord } from '../support/member-factory';
import { settle, storedAndFresh } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_STACK } from '../support/test-stack';

/** The suggestions API on a small network whose best matches are known by construction. */
describe('suggestions API', () => {
  let t: TestApp;
  const suva = memberRecord({
    id: 'suva',
    name: 'Suva',
    country: 'FJ',
    lat: -18.14,
    lon: 178.44,
    population: 93_970,
    languages: ['eng', 'fij'],
    needs: { 'disaster-resilience': 3, 'climate-change': 2 },
    offers: { culture: 2 },
  });
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
    needs: { environment: 3 },
    offers: { 'disaster-resilience': 2, environment: 1 },
  });
  const nadi = memberRecord({
    id: 'nadi',
    name: 'Nadi',
    country: 'FJ',
    lat: -17.8,
    lon: 177.42,
    population: 42_284,
    languages: ['eng'],
    needs: { culture: 3 },
    offers: { 'disaster-resilience': 3 },
  });
  const members = [suva, iloilo, apia, danang, nadi];

  beforeAll(async () => {
    t = await startTestApp({ SUGGESTIONS_K: '10' });
    await t.http.post('/api/v1/members/import').send(members).expect(200);
    await settle(t);
  }, 120_000);
  afterAll(() => t.close());

  it('answers from the stored generation, best first, never the same country', async () => {
    const { body } = await t.http.get('/api/v1/members/suva/suggestions').expect(200);
    expect(body.generation).toMatchObject({ id: expect.any(Number), computedAt: expect.any(String) });
    expect(body.filtered).toBe(false);
    const ids = body.suggestions.map((s: { memberId: string }) => s.memberId);
    expect(ids).not.toContain('nadi'); // same country
    expect(ids[0]).toBe('iloilo'); // offers Suva's top need at expert level and needs what Suva offers
    const scores = body.suggestions.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.suggestions[0]).toMatchObject({ rank: 1, name: 'Iloilo', country: 'PH', subregion: 'South-Eastern Asia' });
  });

  it('stores each suggestion with its score components, readable in SQL too', async () => {
    const { stored, fresh } = await storedAndFresh(t);
    expect(stored).toEqual(fresh);
    const suva = stored.find((entry) => entry.id === 'suva')!;
    const [row] = await t.dataSource.query(
      `SELECT suggestion_component(components, 1, 1) AS thematic, suggestion_component(components, 1, 6) AS geo
       FROM suggestion_lists WHERE member_id = 'suva' AND generation_id = (SELECT current_generation_id FROM suggestion_state)`,
    );
    const first = suva.list[0].components as { thematic: number; geo: number };
    expect(first.thematic).toBeGreaterThan(0);
    expect(Math.fround(row.thematic)).toBe(first.thematic);
    expect(Math.fround(row.geo)).toBe(first.geo);
  });

  it('explains each suggestion with components and plain-language reasons', async () => {
    const { body } = await t.http.get('/api/v1/members/suva/suggestions').query({ explain: true, limit: 1 }).expect(200);
    const [first] = body.suggestions;
    expect(first.explanation.reasons).toContain('Iloilo offers Disaster resilience at expert level, a high-priority need of Suva');
    expect(first.explanation.reasons).toContain('Suva and Iloilo share a language (English)');
    expect(first.explanation.candidateOffersMember.themes).toEqual([
      { theme: 'disaster-resilience', label: 'Disaster resilience', need: 3, offer: 3 },
    ]);
    expect(first.explanation.memberOffersCandidate.themes).toEqual([{ theme: 'culture', label: 'Culture', need: 3, offer: 2 }]);
    expect(first.explanation.commonLanguages).toEqual([{ code: 'eng', name: 'English' }]);
    expect(first).toMatchObject({ fit: Math.round(100 * first.score), band: expect.stringMatching(/^(strong|good|fair)$/) });
    expect(first.explanation.candidateOffersMember.components.thematic).toBeGreaterThan(0);
    expect(first.explanation.candidateOffersMember.score).toBeCloseTo(
      Object.values(first.explanation.candidateOffersMember.contributions as Record<string, number>).reduce((a, b) => a + b, 0),
      9,
    );
  });

  it('filters among all members, not only the stored ones', async () => {
    const { body } = await t.http.get('/api/v1/members/suva/suggestions').query({ theme: 'climate-change' }).expect(200);
    expect(body.generation).toBeNull();
    expect(body.filtered).toBe(true);
    expect(body.suggestions.map((s: { memberId: string }) => s.memberId)).toEqual(['apia']);

    const small = await t.http.get('/api/v1/members/suva/suggestions').query({ maxPopulation: 100_000 }).expect(200);
    expect(small.body.suggestions.every((s: { population: number }) => s.population <= 100_000)).toBe(true);

    const polynesia = await t.http.get('/api/v1/members/suva/suggestions').query({ subregion: 'Polynesia', language: 'smo' }).expect(200);
    expect(polynesia.body.suggestions.map((s: { memberId: string }) => s.memberId)).toEqual(['apia']);
  });

  it.each([
    ['limit above 100', { limit: 101 }, 'limit'],
    ['limit zero', { limit: 0 }, 'limit'],
    ['a theme that is not a slug', { theme: 'Climate Change' }, 'theme'],
    ['a population that is not a number', { minPopulation: 'many' }, 'minPopulation'],
    ['a language that is not ISO 639-3', { language: 'en' }, 'language'],
    ['diversify that is not a boolean', { diversify: 'maybe' }, 'diversify'],
    ['an unknown filter', { colour: 'blue' }, 'colour'],
  ])('rejects %s with 400 naming the field', async (_case, query, field) => {
    const { body } = await t.http.get('/api/v1/members/suva/suggestions').query(query).expect(400);
    expect(body.details).toContainEqual(expect.objectContaining({ field }));
  });

  it('answers 404 for an unknown member', async () => {
    await t.http.get('/api/v1/members/atlantis/suggestions').expect(404);
  });

  it('takes a dismissed candidate out of the suggestions until the dismissal is undone', async () => {
    await t.http.post('/api/v1/members/suva/dismissals').send({ candidateId: 'iloilo', reason: 'already cooperating' }).expect(201);
    await settle(t);
    let { body } = await t.http.get('/api/v1/members/suva/suggestions').expect(200);
    expect(body.suggestions.map((s: { memberId: string }) => s.memberId)).not.toContain('iloilo');
    const [note] = await t.dataSource.query('SELECT reason FROM dismissal_notes WHERE member_id = $1', ['suva']);
    expect(note.reason).toBe('already cooperating');

    await t.http.delete('/api/v1/members/suva/dismissals/iloilo').expect(200);
    await settle(t);
    ({ body } = await t.http.get('/api/v1/members/suva/suggestions').expect(200));
    expect(body.suggestions[0].memberId).toBe('iloilo');
  });

  it('rejects dismissals of unknown candidates or of itself, and undoing one that does not exist', async () => {
    const unknown = await t.http.post('/api/v1/members/suva/dismissals').send({ candidateId: 'atlantis' }).expect(400);
    expect(unknown.body.details).toContainEqual(expect.objectContaining({ field: 'candidateId' }));
    await t.http.post('/api/v1/members/suva/dismissals').send({ candidateId: 'suva' }).expect(400);
    await t.http.post('/api/v1/members/suva/dismissals').send({}).expect(400);
    await t.http.delete('/api/v1/members/suva/dismissals/apia').expect(404);
    await t.http.post('/api/v1/members/atlantis/dismissals').send({ candidateId: 'suva' }).expect(404);
  });

  it('lists the best mutual pairs of the network once each, without partners', async () => {
    const { body } = await t.http.get('/api/v1/matches').query({ limit: 10 }).expect(200);
    const pairs = body.matches.map((m: { members: Array<{ id: string }> }) =>
      m.members
        .map((member) => member.id)
        .sort()
        .join('+'),
    );
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toContain('iloilo+suva');
    const scores = body.matches.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    await makePartners(t, 'iloilo', 'suva');
    await settle(t);
    const after = await t.http.get('/api/v1/matches').expect(200);
    const pairsAfter = after.body.matches.map((m: { members: Array<{ id: string }> }) =>
      m.members
        .map((member) => member.id)
        .sort()
        .join('+'),
    );
    expect(pairsAfter).not.toContain('iloilo+suva');
  });

  it('reads and changes the weights; a change recomputes everything', async () => {
    const before = await t.http.get('/api/v1/matching/weights').expect(200);
    expect(before.body).toEqual({ thematic: 0.45, shared: 0.15, population: 0.15, geo: 0.1, language: 0.15, tier: 0 });
    const { body: status } = await t.http.get('/api/v1/recompute/status').expect(200);

    const put = await t.http
      .put('/api/v1/matching/weights')
      .send({ thematic: 2, shared: 0, population: 1, geo: 1, language: 0 })
      .expect(200);
    expect(put.body).toEqual({ thematic: 0.5, shared: 0, population: 0.25, geo: 0.25, language: 0, tier: 0 });
    await settle(t);
    const { body: after } = await t.http.get('/api/v1/recompute/status').expect(200);
    expect(after.current.id).toBeGreaterThan(status.current.id);
    expect(after.current.weights).toEqual(put.body);
  });

  it.each([
    ['a negative weight', { geo: -1 }, 'geo'],
    ['all weights zero', { thematic: 0, shared: 0, population: 0, geo: 0, language: 0 }, 'weights'],
    ['an unknown weight', { beauty: 1 }, 'beauty'],
    ['a negative government-tier weight', { tier: -0.5 }, 'tier'],
    ['a weight that is not a number', { geo: 'far' }, 'geo'],
  ])('rejects %s and keeps the weights', async (_case, body, field) => {
    const before = await t.http.get('/api/v1/matching/weights').expect(200);
    const response = await t.http.put('/api/v1/matching/weights').send(body).expect(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field }));
    expect((await t.http.get('/api/v1/matching/weights')).body).toEqual(before.body);
  });

  it('weighs the government tier when asked, and describes every weight in the API document', async () => {
    const put = await t.http.put('/api/v1/matching/weights').send({ tier: 1 }).expect(200);
    expect(put.body.tier).toBeCloseTo(1 / 2, 12);
    await settle(t);
    const { body: document } = await t.http.get('/docs-json').expect(200);
    const properties = document.components.schemas.WeightsDto.properties;
    expect(Object.keys(properties).sort()).toEqual(['geo', 'language', 'population', 'shared', 'thematic', 'tier']);
    expect(properties.tier.description).toMatch(/levels of government/);
  });

  it('accepts a recompute request and reports the pipeline status', async () => {
    const { body: before } = await t.http.get('/api/v1/recompute/status').expect(200);
    await t.http.post('/api/v1/recompute').expect(202);
    await settle(t);
    const { body } = await t.http.get('/api/v1/recompute/status').expect(200);
    expect(body.current.id).toBeGreaterThan(before.current.id);
    expect(body.current).toMatchObject({ state: 'complete', reason: 'requested', memberCount: 5 });
    expect(body.building).toBeNull();
    expect(body.outbox.pending).toBe(0);
    expect(body.queue.kind).toBe(TEST_STACK === 'services' ? 'bullmq' : 'in-process');
  });

  if (TEST_STACK === 'services') {
    it('serves the Bull Board dashboard at /admin/queues', async () => {
      const response = await t.http.get('/admin/queues').expect(200);
      expect(response.text).toContain('<html');
    });
  }
});
