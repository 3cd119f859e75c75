import type { MemberRecord } from '../../src/members/member-record';
import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

interface Match {
  score: number;
  members: Array<{ id: string }>;
  partnership: { id: string; stage: string } | null;
  open: { method: string; path: string; body: { memberA: string; memberB: string } } | null;
}

/** Cities that need what the others offer, so that each pair is in both members' suggestions. */
const CITIES: Array<Partial<MemberRecord> & { id: string }> = [
  { id: 'suva', country: 'FJ', lat: -18.14, lon: 178.44, needs: { 'disaster-resilience': 3 }, offers: { culture: 3 } },
  { id: 'iloilo', country: 'PH', lat: 10.7, lon: 122.56, needs: { culture: 3 }, offers: { 'disaster-resilience': 3 } },
  { id: 'apia', country: 'WS', lat: -13.83, lon: -171.76, needs: { culture: 2 }, offers: { 'disaster-resilience': 2 } },
  { id: 'hue', country: 'VN', lat: 16.46, lon: 107.59, needs: { 'disaster-resilience': 2 }, offers: { culture: 2 } },
];

describe('opening a partnership from a network match', () => {
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http
      .post('/api/v1/members/import')
      .send(CITIES.map((city) => memberRecord({ ...city, name: city.id, contact: undefined })))
      .expect(200);
    await settle(t);
    secretariat = await t.issueToken('secretariat');
  }, 120_000);
  afterAll(() => t?.close());

  const matches = async (): Promise<Match[]> => (await t.as(secretariat).get('/api/v1/matches').expect(200)).body.matches;
  const pairOf = (match: Match) => match.members.map((member) => member.id).join('|');

  it('shows each pair without a partnership with the request that opens one', async () => {
    const listed = await matches();
    expect(listed.length).toBeGreaterThan(1);
    for (const match of listed) {
      expect(match.partnership).toBeNull();
      expect(match.open).toEqual({
        method: 'POST',
        path: '/api/v1/partnerships',
        body: { memberA: match.members[0].id, memberB: match.members[1].id },
      });
    }
  });

  it('opens one with origin secretariat and the score and explanation at opening; the pair then shows it', async () => {
    const [first] = await matches();
    const opened = await t
      .as(secretariat)
      .post(first.open!.path)
      .send({ ...first.open!.body, kind: 'knowledge-exchange' })
      .expect(201);
    expect(opened.body).toMatchObject({ origin: 'secretariat', stage: 'interest', kind: 'knowledge-exchange' });
    expect(opened.body.score).toBeCloseTo(first.score, 3);
    expect(opened.body.explanation).toEqual(expect.objectContaining({ reasons: expect.any(Array) }));

    const again = (await matches()).find((match) => pairOf(match) === pairOf(first))!;
    expect(again.partnership).toEqual({ id: opened.body.id, stage: 'interest' });
    expect(again.open).toBeNull();
    // The others still have none.
    for (const other of (await matches()).filter((match) => pairOf(match) !== pairOf(first))) expect(other.partnership).toBeNull();

    // Declined: the pair shows its latest partnership and may be opened again.
    await t
      .as(secretariat)
      .post(`/api/v1/partnerships/${opened.body.id}/transitions`)
      .send({ to: 'declined', version: opened.body.version, reason: 'no budget this year' })
      .expect(201);
    const declined = (await matches()).find((match) => pairOf(match) === pairOf(first))!;
    expect(declined.partnership).toEqual({ id: opened.body.id, stage: 'declined' });
    expect(declined.open).not.toBeNull();
  });

  it('remains for the secretariat and admins only', async () => {
    const official = await t.issueToken('city_official', 'suva');
    await t.as(official).get('/api/v1/matches').expect(403);
    await t.anonymous.get('/api/v1/matches').expect(401);
  });
});
