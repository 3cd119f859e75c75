import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

interface Entry {
  memberId: string;
  country: string;
  score: number;
}

/**
 * The default lists on a network where one country holds most members and offers Suva the most:
 * the pure score ranking fills Suva's list with that country, the default list does not.
 */
describe('balanced default lists', () => {
  let t: TestApp;
  const suva = memberRecord({
    id: 'suva',
    name: 'Suva',
    country: 'FJ',
    lat: -18.14,
    lon: 178.44,
    population: 93_970,
    languages: ['eng'],
    needs: { 'disaster-resilience': 3, 'climate-change': 3 },
    offers: { culture: 2 },
  });
  // 30 Indian cities that offer Suva's needs at expert level: the pure ranking's whole top 20.
  const indian = Array.from({ length: 30 }, (_, i) =>
    memberRecord({
      id: `in-${String(i).padStart(2, '0')}`,
      name: `Indian city ${i}`,
      country: 'IN',
      lat: 10 + (i % 10) * 1.7,
      lon: 73 + Math.floor(i / 10) * 5,
      population: 200_000 + i * 10_000,
      languages: ['eng', 'hin'],
      needs: { culture: 3 },
      offers: { 'disaster-resilience': 3, 'climate-change': 3 },
    }),
  );
  // Two cities in each of seven other countries, with weaker offers.
  const others = ['PH', 'VN', 'WS', 'TO', 'NZ', 'JP', 'ID'].flatMap((country, c) =>
    [0, 1].map((k) =>
      memberRecord({
        id: `${country.toLowerCase()}-${k}`,
        name: `${country} city ${k}`,
        country,
        lat: -30 + c * 8 + k,
        lon: 100 + c * 10 + k,
        population: 100_000 + k * 50_000,
        languages: ['eng'],
        needs: { culture: 2 },
        offers: { 'disaster-resilience': 1 + k },
      }),
    ),
  );

  const suggestions = async (query: Record<string, string | number> = {}) =>
    (await t.http.get('/api/v1/members/suva/suggestions').query(query).expect(200)).body as {
      ranking: string;
      balancedAt: string | null;
      suggestions: Entry[];
    };
  const countries = (entries: Entry[]) =>
    entries.reduce((counts, e) => counts.set(e.country, (counts.get(e.country) ?? 0) + 1), new Map<string, number>());

  beforeAll(async () => {
    t = await startTestApp({ BALANCED_LISTS: 'on', BALANCE_CRON: 'off' });
    await t.http
      .post('/api/v1/members/import')
      .send([suva, ...indian, ...others])
      .expect(200);
    await settle(t); // the first full recompute, then the balancing run it records
  }, 120_000);
  afterAll(() => t.close());

  it('ranks by score on request: one country fills the list', async () => {
    const pure = await suggestions({ ranking: 'score' });
    expect(pure.ranking).toBe('score');
    expect(pure.balancedAt).toBeNull();
    expect(countries(pure.suggestions).get('IN')).toBe(20);
  });

  it('serves balanced lists by default: at most 5 of one country, each entry with its exact score', async () => {
    const balanced = await suggestions();
    expect(balanced.ranking).toBe('balanced');
    expect(balanced.balancedAt).toEqual(expect.any(String));
    // Five Indian cities (the cap: 5 of 20) and every other candidate: fewer than 20 exist.
    expect(countries(balanced.suggestions).get('IN')).toBe(5);
    expect(balanced.suggestions).toHaveLength(5 + others.length);
    expect(Math.max(...countries(balanced.suggestions).values())).toBeLessThanOrEqual(5);

    // The pure ranking of every candidate (50 are stored, 44 exist) gives each pair's exact score.
    const all = await suggestions({ ranking: 'score', limit: 100 });
    const exact = new Map(all.suggestions.map((e) => [e.memberId, e.score]));
    for (const entry of balanced.suggestions) expect(entry.score).toBe(exact.get(entry.memberId));
  });

  it('drops a dismissed candidate from the default list at once', async () => {
    const [first] = (await suggestions()).suggestions;
    await t.http.post('/api/v1/members/suva/dismissals').send({ candidateId: first.memberId }).expect(201);
    const after = await suggestions();
    expect(after.suggestions.map((e) => e.memberId)).not.toContain(first.memberId);
    await t.http.delete(`/api/v1/members/suva/dismissals/${first.memberId}`).expect(200);
    await settle(t);
  });

  it('shows the run in the recompute status, and a new run gives the same lists', async () => {
    const before = await suggestions();
    const status = (await t.http.get('/api/v1/recompute/status').expect(200)).body;
    expect(status.balanced).toMatchObject({ computedAt: before.balancedAt, lists: 45, behindSeconds: expect.any(Number) });

    await t.http.post('/api/v1/recompute').expect(202);
    await settle(t);
    const again = await suggestions();
    expect(again.balancedAt).not.toBe(before.balancedAt); // a new generation: balanced again
    expect(again.suggestions).toEqual(before.suggestions);
  });

  it('rejects an unknown ranking with 400 naming the field', async () => {
    const { body } = await t.http.get('/api/v1/members/suva/suggestions').query({ ranking: 'random' }).expect(400);
    expect(JSON.stringify(body)).toContain('ranking');
  });

  it('shows exact scores for a change the last run has not seen yet', async () => {
    const before = await suggestions();
    const { version } = (await t.http.get('/api/v1/members/suva').expect(200)).body;
    await t.http
      .patch('/api/v1/members/suva')
      .send({ version, needs: { 'disaster-resilience': 1, culture: 3 } })
      .expect(200);
    await settle(t); // the pure lists follow; no balancing run (BALANCE_CRON is off here)
    const after = await suggestions();
    expect(after.balancedAt).toBe(before.balancedAt);
    const exact = new Map((await suggestions({ ranking: 'score', limit: 100 })).suggestions.map((e) => [e.memberId, e.score]));
    expect(after.suggestions.map((e) => e.score)).not.toEqual(before.suggestions.map((e) => e.score));
    for (const entry of after.suggestions) expect(entry.score).toBe(exact.get(entry.memberId));
  });
});
