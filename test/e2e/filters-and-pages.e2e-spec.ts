import { SUBREGIONS } from '../../src/reference/countries';
import { THEME_SLUGS } from '../../src/reference/themes';
import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;
const STORED = 3;

/** Filters that say what is wrong, name search without accents, and paged lists that share one shape. */
describe('filters and pages', () => {
  let t: TestApp;
  // Eight cities in eight countries that all fit Suva: more candidates than the STORED lists hold.
  const suva = memberRecord({ id: 'fp-suva', name: 'Suva', country: 'FJ', needs: { 'disaster-resilience': 3 }, offers: { culture: 2 } });
  const others = ['PH', 'VN', 'ID', 'TH', 'MY', 'IN', 'JP', 'KR'].map((country, index) =>
    memberRecord({
      id: `fp-${country.toLowerCase()}`,
      name: index === 0 ? 'Rānīganj' : `Partner ${country}`,
      country,
      needs: { culture: 2 },
      offers: { 'disaster-resilience': 3 - (index % 3) },
    }),
  );

  beforeAll(async () => {
    t = await startTestApp({ SUGGESTIONS_K: String(STORED) });
    await t.http
      .post(api('/members/import'))
      .send([suva, ...others])
      .expect(200);
    await settle(t);
  });
  afterAll(() => t?.close());

  const allThemes = expect.stringContaining(THEME_SLUGS.join(', '));
  const allSubregions = expect.stringContaining(SUBREGIONS.join(', '));

  describe('an unknown theme or subregion is a 400 that lists the valid values', () => {
    it.each([
      ['suggestions?theme=climate', `/members/${suva.id}/suggestions?theme=climate`, 'theme', allThemes],
      ['suggestions?subregion=Pacific', `/members/${suva.id}/suggestions?subregion=Pacific`, 'subregion', allSubregions],
      ['members?needs=climate', '/members?needs=climate', 'needs', allThemes],
      ['members?offers=climate', '/members?offers=climate', 'offers', allThemes],
      ['members?subregion=Pacific', '/members?subregion=Pacific', 'subregion', allSubregions],
      ['partnerships?theme=climate', '/partnerships?theme=climate', 'theme', allThemes],
      ['partnerships?subregion=Pacific', '/partnerships?subregion=Pacific', 'subregion', allSubregions],
    ])('%s', async (_name, path, field, message) => {
      const { body } = await t.http.get(api(path)).expect(400);
      expect(body.details).toEqual([{ field, message }]);
      expect(body.details[0].message).toMatch(/\(got "(climate|Pacific)"\)$/);
    });

    it('a subregion in another letter case is the subregion', async () => {
      const suggestions = await t.http.get(api(`/members/fp-ph/suggestions?subregion=melanesia`)).expect(200);
      expect(suggestions.body.suggestions.map((s: { memberId: string }) => s.memberId)).toEqual([suva.id]);
      const members = await t.http.get(api('/members?subregion=MELANESIA')).expect(200);
      expect(members.body.items.map((m: { id: string }) => m.id)).toEqual([suva.id]);
    });
  });

  it('a limit above the stored list length is ranked over all members, like a filtered request', async () => {
    const stored = await t.http.get(api(`/members/${suva.id}/suggestions?limit=${STORED}`)).expect(200);
    expect(stored.body.generation).not.toBeNull();
    expect(stored.body.suggestions).toHaveLength(STORED);

    const longer = await t.http.get(api(`/members/${suva.id}/suggestions?limit=20`)).expect(200);
    expect(longer.body.generation).toBeNull();
    expect(longer.body.filtered).toBe(false);
    expect(longer.body.suggestions).toHaveLength(others.length);
    expect(longer.body.suggestions.slice(0, STORED)).toEqual(stored.body.suggestions);
  });

  it('name search ignores accents and letter case', async () => {
    for (const q of ['Raniganj', 'raniganj', 'RĀNĪ']) {
      const { body } = await t.http.get(api('/members')).query({ q }).expect(200);
      expect(body.items.map((m: { name: string }) => m.name)).toEqual(['Rānīganj']);
    }
  });

  it('a number that is not one is quoted in the message', async () => {
    const { body } = await t.http.get(api(`/members/${suva.id}/suggestions?minPopulation=abc`)).expect(400);
    expect(body.details).toEqual([{ field: 'minPopulation', message: 'minPopulation must be a whole number (got "abc")' }]);
  });

  describe('GET /matches is paged like the other lists', () => {
    it('takes limit and offset', async () => {
      const all = (await t.http.get(api('/matches')).expect(200)).body.matches;
      expect(all.length).toBeGreaterThan(2);
      const page = (await t.http.get(api('/matches?limit=2&offset=1')).expect(200)).body.matches;
      expect(page).toEqual(all.slice(1, 3));
    });

    it('explains each pair with explain=true', async () => {
      const { body } = await t.http.get(api('/matches?limit=1&explain=true')).expect(200);
      expect(body.matches[0].explanation).toMatchObject({ reasons: expect.any(Array) });
      const plain = await t.http.get(api('/matches?limit=1')).expect(200);
      expect(plain.body.matches[0].explanation).toBeUndefined();
    });
  });

  it.each(['/matches', '/users', '/members/fp-suva/users', '/sessions', '/interests', '/partnerships', '/digests/deliveries', '/members'])(
    'GET %s refuses an offset past MAX_OFFSET with a 400 (not a 500)',
    async (path) => {
      const { body } = await t.http.get(api(`${path}?offset=99999999999999999999`)).expect(400);
      expect(body.details).toEqual([{ field: 'offset', message: expect.stringMatching(/^offset must be at most 1000000/) }]);
    },
  );
});
