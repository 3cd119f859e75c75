import { city } from '../../test-support/city';
import { computeTopKSync, isCandidate, prepareDataset, rankCandidates } from '..';

describe('partners are never suggested', () => {
  // A and B fit perfectly; C fits A less well. An agreement listed by A alone rules B out both ways.
  const a = city('a', { country: 'FJ', needs: { water: 3 }, offers: { housing: 3 }, partners: ['b'] });
  const b = city('b', { needs: { housing: 3 }, offers: { water: 3 } });
  const c = city('c', { needs: { housing: 1 }, offers: { water: 1 } });

  it('whichever side lists the agreement', () => {
    expect(isCandidate(a, b)).toBe(false);
    expect(isCandidate(b, a)).toBe(false);
    expect(isCandidate(a, c)).toBe(true);
  });

  it('in ranked and precomputed lists alike', () => {
    expect(rankCandidates(a, [a, b, c], { k: 5 }).map((s) => s.id)).toEqual(['c']);
    const lists = computeTopKSync(prepareDataset([a, b, c]), { k: 5 }).toMap();
    expect(lists.get('a')!.map((s) => s.id)).toEqual(['c']);
    expect(lists.get('b')).toEqual([]);
  });
});
