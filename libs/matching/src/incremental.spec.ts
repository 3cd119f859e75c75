import fc from 'fast-check';

import { dataset, idOf, profileBody, toProfile } from '../test-support/arbitraries';
import { affectedBy, type IncrementalUpdate, type ListBar, listsTouchedBy } from './incremental';
import { computeTopKSync } from './kernel/compute-top-k';
import { prepareDataset } from './kernel/prepared-dataset';
import type { MatchProfile, ScoredCandidate } from './profile';

const change = fc.record({
  kind: fc.constantFrom('update', 'withdraw', 'reactivate', 'partner', 'dismiss', 'remove', 'add'),
  target: fc.nat(),
  other: fc.nat(),
  body: profileBody,
});
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** The dataset after one change, and the id of the member that changed. */
function applyChange(profiles: MatchProfile[], c: Change, serial: number): [MatchProfile[], string] {
  if (c.kind === 'add' || profiles.length === 0) {
    const id = `new${serial}`;
    return [[...profiles, toProfile(id, c.body)], id];
  }
  const at = c.target % profiles.length;
  const member = profiles[at];
  const other = profiles[c.other % profiles.length].id;
  const next = [...profiles];
  switch (c.kind) {
    case 'update':
      next[at] = toProfile(member.id, { ...c.body, status: member.status }, [...member.partners], [...member.dismissed]);
      break;
    case 'withdraw':
      next[at] = { ...member, status: 'inactive' };
      break;
    case 'reactivate':
      next[at] = { ...member, status: 'active' };
      break;
    case 'partner':
      next[at] = { ...member, partners: [...member.partners, other] };
      break;
    case 'dismiss':
      next[at] = { ...member, dismissed: [...member.dismissed, other] };
      break;
    case 'remove':
      next.splice(at, 1);
      break;
  }
  return [next, member.id];
}

function applyUpdate(lists: Map<string, ScoredCandidate[]>, update: IncrementalUpdate): void {
  if (update.suggestions) lists.set(update.memberId, update.suggestions);
  else lists.delete(update.memberId);
  for (const c of update.changes) lists.set(c.memberId, c.suggestions);
}

describe('affectedBy', () => {
  it('keeps stored lists equal to a full recompute through any sequence of changes', () => {
    fc.assert(
      fc.property(dataset(16), fc.integer({ min: 1, max: 4 }), fc.array(change, { maxLength: 8 }), (start, k, changes) => {
        let profiles = start;
        const lists = computeTopKSync(prepareDataset(profiles), { k }).toMap();
        changes.forEach((c, serial) => {
          const [next, changedId] = applyChange(profiles, c, serial);
          profiles = next;
          const prepared = prepareDataset(profiles);
          applyUpdate(lists, affectedBy(changedId, prepared, lists, { k }));
          expect(lists).toEqual(computeTopKSync(prepared, { k }).toMap());
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same update from the lists that bars name as from every list', () => {
    fc.assert(
      fc.property(dataset(16), fc.integer({ min: 1, max: 4 }), fc.array(change, { minLength: 1, maxLength: 6 }), (start, k, changes) => {
        let profiles = start;
        const lists = computeTopKSync(prepareDataset(profiles), { k }).toMap();
        changes.forEach((c, serial) => {
          const [next, changedId] = applyChange(profiles, c, serial);
          profiles = next;
          const prepared = prepareDataset(profiles);
          const bars = new Map<string, ListBar>();
          for (const [id, list] of lists) {
            if (list.length > 0)
              bars.set(id, { length: list.length, worst: list[list.length - 1], holds: list.some((s) => s.id === changedId) });
          }
          const touched = listsTouchedBy(changedId, prepared, bars, { k });
          const known = new Map(touched.filter((id) => lists.has(id)).map((id) => [id, lists.get(id)!]));
          const update = affectedBy(changedId, prepared, known, { k, members: touched });
          expect(update).toEqual(affectedBy(changedId, prepared, lists, { k }));
          applyUpdate(lists, update);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('refreshes a full list that the changed member drops out of', () => {
    // A is B's only listed candidate (k = 1); C ranks just below A. When A stops offering
    // what B needs, C, whom no stored list mentions, must take its place.
    const base = { country: 'PH', population: 10000, lat: 0, lon: 0, languages: [], status: 'active' as const };
    const b = { ...base, id: 'b', country: 'FJ', needs: { water: 3 }, offers: {}, partners: [], dismissed: [] };
    const a = { ...base, id: 'a', needs: {}, offers: { water: 3 }, partners: [], dismissed: [] };
    const c = { ...base, id: 'c', needs: {}, offers: { water: 2 }, partners: [], dismissed: [] };
    const lists = computeTopKSync(prepareDataset([a, b, c]), { k: 1 }).toMap();
    expect(lists.get('b')!.map((s) => s.id)).toEqual(['a']);

    const prepared = prepareDataset([{ ...a, offers: { housing: 3 } }, b, c]);
    const update = affectedBy('a', prepared, lists, { k: 1 });
    expect(update.changes).toEqual([{ memberId: 'b', kind: 'refreshed', suggestions: [expect.objectContaining({ id: 'c' })] }]);
    expect(update.suggestions).toEqual([]);
  });

  it('drops the list of a member that is gone', () => {
    const profiles = fc.sample(dataset(12), { numRuns: 1, seed: 3 })[0];
    const lists = computeTopKSync(prepareDataset(profiles), { k: 2 }).toMap();
    const gone = idOf(0);
    const update = affectedBy(gone, prepareDataset(profiles.filter((p) => p.id !== gone)), lists, { k: 2 });
    expect(update.suggestions).toBeNull();
    for (const c of update.changes) expect(c.suggestions.map((s) => s.id)).not.toContain(gone);
  });
});
