import fc from 'fast-check';

import { dataset, profileBody, toProfile, weights } from '../../test-support/arbitraries';
import { computeTopKSync } from './compute-top-k';
import { prepareDataset } from './prepared-dataset';
import { replaceMember } from './replace-member';

describe('replaceMember', () => {
  it('gives the lists a full prepare of the changed members gives, score for score', () => {
    let replaced = 0;
    fc.assert(
      fc.property(
        dataset(20),
        fc.nat(),
        profileBody,
        fc.integer({ min: 1, max: 5 }),
        weights,
        fc.boolean(),
        (profiles, pick, body, k, w, wasm) => {
          const active = profiles.filter((p) => p.status === 'active');
          fc.pre(active.length > 0);
          const before = active[pick % active.length];
          const after = toProfile(before.id, { ...body, status: 'active' }, [...before.partners], [...before.dismissed]);
          const changed = profiles.map((p) => (p.id === before.id ? after : p));
          const patched = replaceMember(prepareDataset(profiles), before, after);
          const fresh = prepareDataset(changed);
          if (!patched) return;
          replaced++;
          const options = { k, weights: w, wasm };
          expect(computeTopKSync(patched, options).toMap()).toEqual(computeTopKSync(fresh, options).toMap());
        },
      ),
      { numRuns: 400 },
    );
    expect(replaced).toBeGreaterThan(100);
  });

  it('leaves the dataset it was given as it was', () => {
    const profiles = fc.sample(dataset(12), { numRuns: 1, seed: 7 })[0].map((p) => ({ ...p, status: 'active' as const }));
    const prepared = prepareDataset(profiles);
    const lists = computeTopKSync(prepared, { k: 3 }).toMap();
    const before = profiles[0];
    expect(replaceMember(prepared, before, { ...before, needs: {}, offers: {}, population: 7 })).toBeDefined();
    expect(computeTopKSync(prepared, { k: 3 }).toMap()).toEqual(lists);
  });

  it('asks for a full prepare when the member leaves, changes partners or dismissals, or names a new language', () => {
    const profiles = fc.sample(dataset(12), { numRuns: 1, seed: 7 })[0].map((p) => ({ ...p, status: 'active' as const }));
    const prepared = prepareDataset(profiles);
    const before = profiles[0];
    expect(replaceMember(prepared, before, { ...before, status: 'inactive' })).toBeUndefined();
    expect(replaceMember(prepared, before, { ...before, partners: [...before.partners, 'someone-new'] })).toBeUndefined();
    expect(replaceMember(prepared, before, { ...before, dismissed: [...before.dismissed, 'someone-new'] })).toBeUndefined();
    expect(replaceMember(prepared, before, { ...before, languages: ['zzz'] })).toBeUndefined();
    expect(replaceMember(prepared, { ...before, id: 'not-there' }, { ...before, id: 'not-there' })).toBeUndefined();
  });
});
