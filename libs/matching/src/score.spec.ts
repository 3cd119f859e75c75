import fc from 'fast-check';

import { idOf, profileBody, toProfile, weights } from '../test-support/arbitraries';
import { refDirectional, refMatch } from '../test-support/reference';
import { directionalScores, matchScore } from './score';
import { normaliseWeights } from './weights';

/** A few ulps of 1: the rounding of a weighted sum of numbers in [0, 1]. */
const ROUNDING = 8 * Number.EPSILON;

const pair = fc.tuple(profileBody, profileBody).map(([a, b]) => [toProfile(idOf(0), a), toProfile(idOf(1), b)] as const);

describe('matchScore', () => {
  it('agrees with the reference formula', () => {
    fc.assert(
      fc.property(pair, weights, ([a, b], partial) => {
        const w = normaliseWeights(partial);
        const { aFromB, bFromA } = directionalScores(a, b, w);
        expect(aFromB).toBeCloseTo(refDirectional(a, b, w), 12);
        expect(bFromA).toBeCloseTo(refDirectional(b, a, w), 12);
        expect(Math.abs(matchScore(a, b, w) - refMatch(a, b, w))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('lies in [0, 1] up to the rounding of a weighted sum, and is symmetric, bit for bit', () => {
    const inRange = fc.property(pair, weights, ([a, b], w) => {
      const score = matchScore(a, b, w);
      expect(score).toBeGreaterThanOrEqual(0);
      // Components lie in [0, 1] and the weights sum to 1, but each of the ~6 products and
      // sums may round up by half an ulp: 1.0000000000000002 is rounding, 1.001 would be a bug.
      expect(score).toBeLessThanOrEqual(1 + ROUNDING);
      expect(matchScore(b, a, w)).toBe(score);
    });
    fc.assert(inRange, { numRuns: 500 });
    // A run that once gave 1.0000000000000002.
    fc.assert(inRange, { numRuns: 500, seed: 1636832233 });
  });
});
