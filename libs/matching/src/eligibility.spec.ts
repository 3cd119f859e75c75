import fc from 'fast-check';

import { dataset } from '../test-support/arbitraries';
import { refIsCandidate } from '../test-support/reference';
import { ineligibilityReasons, isCandidate } from './eligibility';

describe('isCandidate', () => {
  it('applies every rule of the reference, and gives a reason whenever it says no', () => {
    fc.assert(
      fc.property(dataset(8), (profiles) => {
        for (const a of profiles) {
          for (const b of profiles) {
            expect(isCandidate(a, b)).toBe(refIsCandidate(a, b));
            expect(ineligibilityReasons(a, b).length === 0).toBe(isCandidate(a, b));
          }
        }
      }),
    );
  });
});
