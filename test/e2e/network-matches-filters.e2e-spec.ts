import { pairsInRounds } from '@citymatch/matching/balance';
import type { MemberRecord } from '../../src/members/member-record';
import { OPEN_STAGES } from '../../src/partnerships/partnership-stages';
import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

interface Match {
  score: number;
  members: Array<{ id: string; country: string; subregion: string }>;
  partnership: { id: string; stage: string } | null;
}
interface Page {
  total: number;
  ranking: string;
  matches: Match[];
}

const THEMES = ['culture', 'disaster-resilience', 'climate-change', 'environment'];
const COUNTRIES = ['FJ', 'PH', 'VN', 'ID', 'IN', 'JP', 'WS', 'IN', 'IN', 'PH', 'FJ', 'JP'];

/** Twelve members in seven countries, each needing one theme and offering two others: many mutual pairs of every kind. */
const MEMBERS: MemberRecord[] = COUNTRIES.map((country, i) =>
  memberRecord({
    id: `nm-${String(i).padStart(2, '0')}`,
    name: `City ${i}`,
    country,
    lat: -20 + i * 3,
    lon: 100 + i * 7,
    needs: { [THEMES[i % 4]]: 1 + (i % 3) },
    offers: { [THEMES[(i + 1) % 4]]: 1 + ((i + 1) % 3), [THEMES[(i + 2) % 4]]: 1 + (i % 2) },
  }),
);
const byId = new Map(MEMBERS.map((member) => [member.id, member]));
const SUBREGION: Record<string, string> = { FJ: 'Melanesia', WS: 'Polynesia', IN: 'Southern Asia', JP: 'Eastern Asia' };

/** The documented balanced order, worked out from the score order. */
const inRounds = (byScore: Match[]) =>
  pairsInRounds(byScore.map(({ members: [a, b], score }) => ({ a: a.id, b: b.id, aCountry: a.country, bCountry: b.country, score }))).map(
    (pair) => `${pair.a}|${pair.b}`,
  );
const keyOf = (match: Match) => match.members.map((member) => member.id).join('|');
const fits = (needing: MemberRecord, offering: MemberRecord, theme: string) =>
  (needing.needs[theme] ?? 0) > 0 && (offering.offers[theme] ?? 0) > 0;

describe('GET /matches: filters, exclusions, order and pages', () => {
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/members/import').send(MEMBERS).expect(200);
    await settle(t);
    secretariat = await t.issueToken('secretariat');
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (query: string): Promise<Page> => (await t.as(secretariat).get(`/api/v1/matches?limit=500&${query}`).expect(200)).body;

  /** The filtered list is the full list's pairs that satisfy `holds`, in the same order, and narrower than it. */
  async function expectNarrows(query: string, holds: (match: Match) => boolean) {
    const all = (await get('')).matches;
    const filtered = await get(query);
    const expected = all.filter(holds).map(keyOf);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(filtered.matches.map(keyOf)).toEqual(expected);
    expect(filtered.total).toBe(expected.length);
    for (const match of filtered.matches) expect(holds(match)).toBe(true);
  }

  it('lists mutual pairs, each once, with a total', async () => {
    const all = await get('');
    expect(all.total).toBe(all.matches.length);
    expect(all.total).toBeGreaterThan(20);
    expect(new Set(all.matches.map(keyOf)).size).toBe(all.total);
    for (const match of all.matches) expect(match.members[0].id < match.members[1].id).toBe(true);
  });

  it.each([
    ['subregion=melanesia', (m: Match) => m.members.some((member) => member.subregion === 'Melanesia')],
    ['country=in', (m: Match) => m.members.some((member) => member.country === 'IN')],
    [
      'theme=culture',
      (m: Match) =>
        fits(byId.get(m.members[0].id)!, byId.get(m.members[1].id)!, 'culture') ||
        fits(byId.get(m.members[1].id)!, byId.get(m.members[0].id)!, 'culture'),
    ],
  ])('%s keeps exactly the pairs that satisfy it', async (query, holds) => {
    await expectNarrows(query, holds);
  });

  it('every member carries its subregion', async () => {
    for (const match of (await get('')).matches)
      for (const member of match.members) if (SUBREGION[member.country]) expect(member.subregion).toBe(SUBREGION[member.country]);
  });

  it('minScore keeps the pairs scoring at least that', async () => {
    const scores = (await get('ranking=score')).matches.map((match) => match.score);
    const median = scores[Math.floor(scores.length / 2)];
    await expectNarrows(`minScore=${median}`, (match) => match.score >= median);
  });

  it('filters combine', async () => {
    await expectNarrows('country=PH&theme=environment', (m) => {
      const [a, b] = m.members.map((member) => byId.get(member.id)!);
      return m.members.some((member) => member.country === 'PH') && (fits(a, b, 'environment') || fits(b, a, 'environment'));
    });
  });

  it('balanced (the default) orders the same pairs in rounds; score orders them best first', async () => {
    const balanced = await get('');
    const score = await get('ranking=score');
    expect(balanced.ranking).toBe('balanced');
    expect(score.ranking).toBe('score');
    const scores = score.matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect([...balanced.matches.map(keyOf)].sort()).toEqual([...score.matches.map(keyOf)].sort());
    expect(balanced.matches.map(keyOf)).toEqual(inRounds(score.matches));
    // The first round: no member twice.
    const firstMembers = balanced.matches.slice(0, 3).flatMap((match) => match.members.map((member) => member.id));
    expect(new Set(firstMembers).size).toBe(firstMembers.length);
    expect(balanced.matches.map(keyOf)).not.toEqual(score.matches.map(keyOf));
  });

  it.each(['ranking=balanced', 'ranking=score', 'country=IN'])('pages of %s do not overlap and concatenate to the whole', async (query) => {
    const whole = await get(query);
    const pages: Match[] = [];
    for (let offset = 0; offset < whole.total + 3; offset += 4) {
      const page: Page = (await t.as(secretariat).get(`/api/v1/matches?limit=4&offset=${offset}&${query}`).expect(200)).body;
      expect(page.total).toBe(whole.total);
      expect(page.matches.length).toBe(Math.max(0, Math.min(4, whole.total - offset)));
      pages.push(...page.matches);
    }
    expect(pages.map(keyOf)).toEqual(whole.matches.map(keyOf));
  });

  it('partnership filters keep pairs by their partnership', async () => {
    const [first, second] = (await get('ranking=score')).matches;
    await t.as(secretariat).post('/api/v1/partnerships').send({ memberA: first.members[0].id, memberB: first.members[1].id }).expect(201);
    const opened = await t
      .as(secretariat)
      .post('/api/v1/partnerships')
      .send({ memberA: second.members[0].id, memberB: second.members[1].id })
      .expect(201);
    await t
      .as(secretariat)
      .post(`/api/v1/partnerships/${opened.body.id}/transitions`)
      .send({ to: 'declined', version: opened.body.version, reason: 'not this year' })
      .expect(201);
    const all = (await get('')).matches;
    const isOpen = (m: Match) => m.partnership !== null && OPEN_STAGES.includes(m.partnership.stage as never);
    await expectNarrows('partnership=open', isOpen);
    await expectNarrows('partnership=closed', (m) => m.partnership !== null && !isOpen(m));
    await expectNarrows('partnership=any', (m) => m.partnership !== null);
    await expectNarrows('partnership=none', (m) => m.partnership === null);
    expect((await get('partnership=open')).matches.map(keyOf)).toContain(keyOf(first));
    expect((await get('partnership=closed')).matches.map(keyOf)).toEqual([keyOf(second)]);
    expect(all.length).toBeGreaterThan(2);
  });

  it('interest filters keep pairs by the interest marked in them', async () => {
    const pairs = (await get('partnership=none&ranking=score')).matches;
    const [oneSided, mutual] = [pairs[0], pairs[1]];
    const mark = (from: string, to: string) => t.http.post(`/api/v1/members/${from}/interests`).send({ candidateId: to }).expect(201);
    await mark(oneSided.members[1].id, oneSided.members[0].id);
    await mark(mutual.members[0].id, mutual.members[1].id);
    await mark(mutual.members[1].id, mutual.members[0].id);
    const marked = new Map([
      [keyOf(oneSided), 'one-sided'],
      [keyOf(mutual), 'mutual'],
    ]);
    await expectNarrows('interest=one-sided', (m) => marked.get(keyOf(m)) === 'one-sided');
    await expectNarrows('interest=mutual', (m) => marked.get(keyOf(m)) === 'mutual');
    await expectNarrows('interest=any', (m) => marked.has(keyOf(m)));
    await expectNarrows('interest=none', (m) => !marked.has(keyOf(m)));
  });

  it('an excluded country pair is left out before the page is cut', async () => {
    const before = await get('');
    const [victim] = before.matches;
    const countries = victim.members.map((member) => member.country);
    const excluded = (m: Match) => [...m.members.map((member) => member.country)].sort().join() === [...countries].sort().join();
    const kept = before.matches.filter((m) => !excluded(m));
    await t.http.post('/api/v1/matching/exclusions').send({ countries }).expect(201);
    try {
      // At once, before the lists follow: the page is full and holds none of the excluded pairs.
      const page: Page = (await t.as(secretariat).get('/api/v1/matches?limit=5').expect(200)).body;
      expect(page.matches).toHaveLength(5);
      expect(page.matches.some(excluded)).toBe(false);
      expect(page.total).toBe(kept.length);
      // The order is that of the pairs still eligible: the balanced rounds of the score order without the pair.
      const score: Page = (await t.as(secretariat).get('/api/v1/matches?limit=500&ranking=score').expect(200)).body;
      expect(score.matches.some(excluded)).toBe(false);
      expect(page.matches.map(keyOf)).toEqual(inRounds(score.matches).slice(0, 5));
    } finally {
      await t.http.delete(`/api/v1/matching/exclusions/${countries[0]}/${countries[1]}`).expect(204);
    }
    await settle(t);
    expect((await get('')).total).toBe(before.total);
  });

  it.each([
    ['subregion=Pacific', 'subregion', /^subregion must be one of the subregions: .*Melanesia.* \(got "Pacific"\)$/],
    ['country=XX', 'country', /^country must be an ISO 3166-1 alpha-2 country code/],
    ['theme=climate', 'theme', /^theme must be one of the theme slugs: .*\(got "climate"\)$/],
    ['minScore=2', 'minScore', /^minScore must be at most 1 \(got 2\)$/],
    ['minScore=-0.1', 'minScore', /^minScore must be at least 0/],
    ['minScore=high', 'minScore', /^minScore must be a number \(got "high"\)$/],
    ['partnership=maybe', 'partnership', /^partnership must be one of: any, open, closed, none$/],
    ['interest=yes', 'interest', /^interest must be one of: any, mutual, one-sided, none$/],
    ['ranking=random', 'ranking', /^ranking must be one of: balanced, score$/],
  ])('%s is a 400 naming the field', async (query, field, message) => {
    const { body } = await t.as(secretariat).get(`/api/v1/matches?${query}`).expect(400);
    expect(body.details).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});
