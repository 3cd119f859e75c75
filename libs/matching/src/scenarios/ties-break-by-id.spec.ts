import { city } from '../../test-support/city';
import { computeTopKSync, prepareDataset, rankCandidates } from '..';

describe('ties break by id in plain string order', () => {
  // Three identical candidates score the same; plain order puts upper case first and
  // compares digit by digit: "B3" < "b10" < "b2" (localeCompare would give b10, b2, B3).
  const a = city('a', { country: 'FJ', needs: { water: 3 } });
  // b2 also offers culture, which A does not need: same score, but it is scanned first.
  const twins = ['b2', 'b10', 'B3'].map((id) => city(id, { offers: id === 'b2' ? { water: 2, culture: 3 } : { water: 2 } }));

  it('in ranked lists', () => {
    const ranked = rankCandidates(a, [a, ...twins], { k: 3 });
    expect(ranked.map((s) => s.id)).toEqual(['B3', 'b10', 'b2']);
    expect(new Set(ranked.map((s) => s.score)).size).toBe(1);
  });

  it('in precomputed lists, including who is cut at k', () => {
    const lists = computeTopKSync(prepareDataset([...twins, a]), { k: 2 }).toMap();
    expect(lists.get('a')!.map((s) => s.id)).toEqual(['B3', 'b10']);
  });
});
