import { city } from '../../test-support/city';
import { directionalScores, matchScore } from '../score';

// Same place, size and language: population, geo and language are all 1.
const shared = { population: 50_000, lat: 10.7, lon: 122.6, languages: ['eng'] };

describe('a one-sided need scores low', () => {
  // A needs water at priority 3 and offers nothing; B offers water at level 3 and needs nothing.
  const a = city('a', { ...shared, country: 'FJ', needs: { water: 3 } });
  const b = city('b', { ...shared, country: 'PH', offers: { water: 3 } });

  it('serves A fully but B not at all', () => {
    // A←B: 0.45·1 + 0.15·0 + 0.15 + 0.10 + 0.15 = 0.85
    // B←A: 0.45·0 + 0.15·0 + 0.15 + 0.10 + 0.15 = 0.40 (B has no needs: thematic and shared are 0)
    const { aFromB, bFromA } = directionalScores(a, b);
    expect(aFromB).toBeCloseTo(0.85, 12);
    expect(bFromA).toBeCloseTo(0.4, 12);
  });

  it('scores the harmonic mean, below the plain average', () => {
    // 2·0.85·0.40 / 1.25 = 0.544, against an average of 0.625.
    expect(matchScore(a, b)).toBeCloseTo(0.544, 12);
  });

  it('scores a two-way fit of the same strength much higher', () => {
    // Each offers at level 3 what the other needs at priority 3: both directions 0.85.
    const c = city('c', { ...shared, country: 'FJ', needs: { water: 3 }, offers: { housing: 3 } });
    const d = city('d', { ...shared, country: 'PH', needs: { housing: 3 }, offers: { water: 3 } });
    expect(matchScore(c, d)).toBeCloseTo(0.85, 12);
  });
});
