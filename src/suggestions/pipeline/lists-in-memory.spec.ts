import type { ListBar, ScoredCandidate } from '@citymatch/matching';
import fc from 'fast-check';
import { ListsInMemory } from './lists-in-memory';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const list = fc
  .uniqueArray(fc.constantFrom(...ids), { maxLength: 4 })
  .map((candidates) => candidates.map((id, rank) => ({ id, score: 1 - rank / 10 })));
const lists = fc.array(fc.tuple(fc.constantFrom(...ids), list), { maxLength: 8 });

/** The bars as the database query computes them, from every list. */
function barsByScan(stored: Map<string, ScoredCandidate[]>, changedId: string): Map<string, ListBar> {
  const bars = new Map<string, ListBar>();
  for (const [memberId, l] of stored)
    bars.set(memberId, { length: l.length, worst: l[l.length - 1], holds: l.some((s) => s.id === changedId) });
  return bars;
}

describe('ListsInMemory', () => {
  it('answers bars and lists as a scan of the stored lists would, through any replacements', () => {
    fc.assert(
      fc.property(lists, fc.array(lists, { maxLength: 4 }), fc.constantFrom(...ids), (first, replacements, changedId) => {
        const memory = new ListsInMemory(first);
        const stored = new Map<string, ScoredCandidate[]>();
        const store = (batch: Array<[string, ScoredCandidate[]]>) => {
          for (const [memberId, l] of batch) {
            if (l.length > 0) stored.set(memberId, l);
            else stored.delete(memberId);
          }
        };
        store(first);
        for (const batch of replacements) {
          memory.replace(batch);
          store(batch);
        }
        expect(memory.barsFor(changedId)).toEqual(barsByScan(stored, changedId));
        expect(memory.listsOf(ids)).toEqual(stored);
      }),
    );
  });
});
