import fc from 'fast-check';

import { idOf, profileBody, toProfile, weights } from '../test-support/arbitraries';
import { refDirectional, refMatch } from '../test-support/reference';
import { GEO_SCALE_KM } from './pair-math';
import { directionalScores, matchScore } from './score';
import { normaliseWeights } from './weights';

/** A few ulps of 1: the rounding of a weighted sum of numbers in [0, 1]. */
const ROUNDING = 8 * Number.EPSILON;

/**
 * How far the library may stand from the reference. Both distance formulas are exact, but both end in an arcsine,
 * which loses half its digits for two points almost opposite on the globe (near 180° and near 0°, 0°): up to about
 * 0.1 m of distance there. The geo term moves by at most its weight times distance / GEO_SCALE_KM, so a metre's
 * worth of it is allowed on top of the rounding of the sums.
 */
const tolerance = (w: { geo: number }) => 1e-12 + (w.geo * 1e-3) / GEO_SCALE_KM;

const pair = fc.tuple(profileBody, profileBody).map(([a, b]) => [toProfile(idOf(0), a), toProfile(idOf(1), b)] as const);

describe('matchScore', () => {
  it('agrees with the reference formula', () => {
    const agrees = fc.property(pair, weights, ([a, b], partial) => {
      const w = normaliseWeights(partial);
      const { aFromB, bFromA } = directionalScores(a, b, w);
      expect(Math.abs(aFromB - refDirectional(a, b, w))).toBeLessThanOrEqual(tolerance(w));
      expect(Math.abs(bFromA - refDirectional(b, a, w))).toBeLessThanOrEqual(tolerance(w));
      expect(Math.abs(matchScore(a, b, w) - refMatch(a, b, w))).toBeLessThanOrEqual(tolerance(w));
    });
    fc.assert(agrees, { numRuns: 500 });
    // A run that met two points almost opposite on the globe (Fiji at 180° and a point at 0°, 0°).
    fc.assert(agrees, { numRuns: 500, seed: 1210044166 });
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
