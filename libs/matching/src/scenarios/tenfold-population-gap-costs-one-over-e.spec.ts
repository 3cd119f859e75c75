import { city } from '../../test-support/city';
import { directionalScores, populationSimilarity } from '..';

describe('a tenfold population gap costs a factor 1/e', () => {
  it('gives 1 for equal sizes and 1/e for ten times the size, either way round', () => {
    const small = city('small', { population: 10_000 });
    expect(populationSimilarity(small, city('same', { population: 10_000 }))).toBe(1);
    // exp(−|ln 10⁴ − ln 10⁵| / ln 10) = exp(−1) = 0.36787944117144233
    expect(populationSimilarity(small, city('big', { population: 100_000 }))).toBeCloseTo(Math.exp(-1), 14);
    expect(populationSimilarity(city('big', { population: 100_000 }), small)).toBeCloseTo(Math.exp(-1), 14);
    // A hundredfold gap: exp(−2) = 0.1353352832366127
    expect(populationSimilarity(small, city('huge', { population: 1_000_000 }))).toBeCloseTo(Math.exp(-2), 14);
  });

  it('moves each directional score by 0.15 × (1 − 1/e) = 0.0948', () => {
    const a = city('a', { country: 'FJ', needs: { water: 2 }, offers: { culture: 1 } });
    const b = city('b', { needs: { culture: 2 }, offers: { water: 3 } });
    const bigger = { ...b, population: 100_000 };
    const drop = directionalScores(a, b).aFromB - directionalScores(a, bigger).aFromB;
    expect(drop).toBeCloseTo(0.15 * (1 - Math.exp(-1)), 12);
  });
});
