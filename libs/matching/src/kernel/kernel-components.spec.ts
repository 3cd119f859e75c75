import fc from 'fast-check';

import { dataset } from '../../test-support/arbitraries';
import { expectMatchesReference } from '../../test-support/expect-top-k';
import { COMPONENTS, WEIGHT_KEYS, type Weights } from '../component-table';
import { matchScore } from '../score';
import { normaliseWeights } from '../weights';
import { computeTopKSync } from './compute-top-k';
import { prepareDataset } from './prepared-dataset';

/** Every component alone, then each with a heavy weight against the others at 1. */
const ALONE = COMPONENTS.map((c) => ({ name: `${c.key} alone`, weights: only(c.key) }));
const HEAVY = COMPONENTS.map((c) => ({ name: `${c.key} heavy`, weights: { ...allAt(1), [c.key]: 20 } }));

function only(key: string): Partial<Weights> {
  return Object.fromEntries(WEIGHT_KEYS.map((k) => [k, k === key ? 1 : 0]));
}

function allAt(value: number): Weights {
  return Object.fromEntries(WEIGHT_KEYS.map((k) => [k, value])) as Weights;
}

/**
 * The kernel's stages are written out for speed; this holds them to the component table.
 * A component in the table that the kernel leaves out (or bounds too low) scores, weighted
 * alone, differently from the pair-by-pair formula, which takes every component from the table.
 */
describe('the kernel and the component table', () => {
  it.each([...ALONE, ...HEAVY])('scores $name exactly as matchScore does, on both first passes', ({ weights }) => {
    fc.assert(
      fc.property(dataset(), fc.boolean(), (profiles, wasm) => {
        const byId = new Map(profiles.map((p) => [p.id, p]));
        const lists = computeTopKSync(prepareDataset(profiles), { k: 40, weights, wasm });
        for (const { id, suggestions } of lists.entries()) {
          for (const c of suggestions) expect(c.score).toBe(matchScore(byId.get(id)!, byId.get(c.id)!, weights));
        }
        // A bound below a component's value would prune pairs that belong in a list.
        expectMatchesReference(lists.toMap(), profiles, 40, normaliseWeights(weights));
      }),
      { numRuns: 60 },
    );
  });
});
