import { city } from '../../test-support/city';
import { rankCandidates } from '..';

describe('diversifying keeps at most three candidates per country', () => {
  // Japanese candidates fit best (offer level 3), then one Thai candidate (level 2).
  const a = city('a', { country: 'FJ', needs: { water: 3 } });
  const japan = ['j1', 'j2', 'j3', 'j4', 'j5'].map((id) => city(id, { country: 'JP', offers: { water: 3 } }));
  const thai = city('t1', { country: 'TH', offers: { water: 2 } });

  it('skips the fourth and later candidates of a country, in score order', () => {
    expect(rankCandidates(a, [a, ...japan, thai], { k: 4 }).map((s) => s.id)).toEqual(['j1', 'j2', 'j3', 'j4']);
    expect(rankCandidates(a, [a, ...japan, thai], { k: 4, diversify: true }).map((s) => s.id)).toEqual(['j1', 'j2', 'j3', 't1']);
  });
});
