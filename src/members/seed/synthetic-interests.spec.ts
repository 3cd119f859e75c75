import { THEME_SLUGS } from '../../reference/themes';
import { syntheticInterests } from './synthetic-interests';

describe('syntheticInterests', () => {
  const keys = Array.from({ length: 2000 }, (_, i) => `gn-${1000 + i * 7}`);

  it('depends only on the key, population and subregion', () => {
    const first = keys.map((k) => syntheticInterests(k, 50000, 'Melanesia'));
    const reversed = [...keys].reverse().map((k) => syntheticInterests(k, 50000, 'Melanesia'));
    expect(reversed.reverse()).toEqual(first);
  });

  it('needs 2-5 themes and offers 1-4 others, at levels 1-3, in theme order', () => {
    const problems = keys.flatMap((key) => {
      const { needs, offers } = syntheticInterests(key, 120000, 'Southern Asia');
      const needed = Object.keys(needs);
      const offered = Object.keys(offers);
      const found: string[] = [];
      if (needed.length < 2 || needed.length > 5) found.push(`${key}: ${needed.length} needs`);
      if (offered.length < 1 || offered.length > 4) found.push(`${key}: ${offered.length} offers`);
      for (const map of [needs, offers]) {
        const inOrder = THEME_SLUGS.filter((slug) => slug in map);
        if (inOrder.join() !== Object.keys(map).join()) found.push(`${key}: not in theme order`);
        if (!Object.values(map).every((v) => v === 1 || v === 2 || v === 3)) found.push(`${key}: level`);
      }
      if (offered.some((slug) => slug in needs)) found.push(`${key}: needed and offered`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('makes disaster resilience a more common need in South-Eastern Asia than in Central Asia', () => {
    const share = (subregion: string) =>
      keys.filter((k) => 'disaster-resilience' in syntheticInterests(k, 100000, subregion).needs).length / keys.length;
    expect(share('South-Eastern Asia')).toBeGreaterThan(share('Central Asia') * 1.5);
  });

  it('makes climate change a more common need on Pacific islands than in Eastern Asia', () => {
    const share = (subregion: string) =>
      keys.filter((k) => 'climate-change' in syntheticInterests(k, 30000, subregion).needs).length / keys.length;
    expect(share('Micronesia')).toBeGreaterThan(share('Eastern Asia') * 1.5);
  });

  it('lets larger cities offer higher levels of expertise', () => {
    const meanOfferLevel = (population: number) => {
      const levels = keys.flatMap((k) => Object.values(syntheticInterests(k, population, 'Eastern Asia').offers));
      return levels.reduce((a, b) => a + b, 0) / levels.length;
    };
    expect(meanOfferLevel(5_000_000)).toBeGreaterThan(meanOfferLevel(20_000) + 0.3);
  });
});
