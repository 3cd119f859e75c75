import fc from 'fast-check';

import { weights } from '../test-support/arbitraries';
import { DEFAULT_WEIGHTS, normaliseWeights, WEIGHT_KEYS } from './weights';

describe('normaliseWeights', () => {
  it('keeps the defaults, which already sum to 1', () => {
    expect(normaliseWeights()).toEqual(DEFAULT_WEIGHTS);
  });

  it('fills missing weights with the defaults and scales the total to 1, keeping proportions', () => {
    fc.assert(
      fc.property(weights, (partial) => {
        const w = normaliseWeights(partial);
        const merged = { ...DEFAULT_WEIGHTS, ...partial };
        const total = WEIGHT_KEYS.reduce((sum, key) => sum + merged[key], 0);
        expect(WEIGHT_KEYS.reduce((sum, key) => sum + w[key], 0)).toBeCloseTo(1, 12);
        for (const key of WEIGHT_KEYS) expect(w[key]).toBeCloseTo(merged[key] / total, 12);
        expect(normaliseWeights(w)).toEqual(w);
      }),
    );
  });

  it('drops a component set to zero', () => {
    // Without geo the other defaults add up to 0.9.
    expect(normaliseWeights({ geo: 0 }).thematic).toBeCloseTo(0.45 / 0.9, 15);
  });

  it.each([
    [{ geo: -1 }, /weight "geo" must be a finite number >= 0/],
    [{ shared: Number.NaN }, /weight "shared"/],
    [{ language: Number.POSITIVE_INFINITY }, /weight "language"/],
    [{ thematic: '1' as unknown as number }, /weight "thematic"/],
    [{ distance: 1 } as object, /unknown weight "distance"/],
    [{ thematic: 0, shared: 0, population: 0, geo: 0, language: 0 }, /at least one weight/],
  ])('rejects %p', (partial, message) => {
    expect(() => normaliseWeights(partial)).toThrow(message);
  });
});
