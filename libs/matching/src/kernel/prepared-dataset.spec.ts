import fc from 'fast-check';

import { dataset } from '../../test-support/arbitraries';
import { city } from '../../test-support/city';
import { byPlainOrder, type MatchProfile } from '../profile';
import { InvalidProfileError } from './invalid-profile-error';
import { prepareDataset } from './prepared-dataset';

function offered(p: MatchProfile): number {
  return Object.values(p.offers).reduce((sum, level) => sum + (level > 0 ? level : 0), 0);
}

describe('prepareDataset', () => {
  it('indexes the active members by what they offer, most first, then by id, and ranks the ids in plain order', () => {
    fc.assert(
      fc.property(dataset(40), (profiles) => {
        const prepared = prepareDataset(profiles);
        const active = profiles.filter((p) => p.status === 'active');
        const expected = [...active].sort((a, b) => offered(b) - offered(a) || byPlainOrder(a.id, b.id)).map((p) => p.id);
        expect(prepared.ids).toEqual(expected);
        const plain = [...expected].sort(byPlainOrder);
        expect([...prepared.arrays.idRank]).toEqual(expected.map((id) => plain.indexOf(id)));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a level that is not whole, naming the member and the theme, whatever the order of the others', () => {
    const profiles = [city('b', { offers: { culture: 2 } }), city('a', { offers: { culture: 1.5 } }), city('c', { offers: { water: 3 } })];
    expect(() => prepareDataset(profiles)).toThrow(InvalidProfileError);
    expect(() => prepareDataset(profiles)).toThrow('member "a": offers.culture must be a whole level 1-3, got 1.5');
  });
});
