import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  const take = (key: string, n: number) => {
    const random = seededRandom(key);
    return Array.from({ length: n }, () => random());
  };

  it('repeats the same sequence for the same key', () => {
    expect(take('gn-1625822', 20)).toEqual(take('gn-1625822', 20));
  });

  it('gives different keys different sequences', () => {
    expect(take('gn-1625822', 5)).not.toEqual(take('gn-1625823', 5));
  });

  it('draws roughly uniformly from [0, 1)', () => {
    const draws = take('uniformity', 10000);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
