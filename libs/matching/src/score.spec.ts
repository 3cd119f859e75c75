import fc from 'fast-check';

import { idOf, profileBody, toProfile, weights } from '../test-support/arbitraries';
import { refDirectional, refMatch } from '../test-support/reference';
import { directionalScores, matchScore } from './score';
import { normaliseWeights } from './weights';

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

  it('lies in [0, 1] and is symmetric, bit for bit', () => {
    fc.assert(
      fc.property(pair, weights, ([a, b], w) => {
        const score = matchScore(a, b, w);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(matchScore(b, a, w)).toBe(score);
      }),
      { numRuns: 500 },
    );
  });
});
