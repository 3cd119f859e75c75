import { city } from '../../test-support/city';
import { computeTopKSync, isCandidate, prepareDataset } from '..';

describe('a dismissal is one-sided', () => {
  it('keeps B off the list of A, who dismissed B, but not A off the list of B', () => {
    const a = city('a', { country: 'FJ', needs: { water: 3 }, offers: { housing: 3 }, dismissed: ['b'] });
    const b = city('b', { needs: { housing: 3 }, offers: { water: 3 } });
    expect(isCandidate(a, b)).toBe(false);
    expect(isCandidate(b, a)).toBe(true);
    const lists = computeTopKSync(prepareDataset([a, b]), { k: 5 }).toMap();
    expect(lists.get('a')).toEqual([]);
    expect(lists.get('b')!.map((s) => s.id)).toEqual(['a']);
  });
});
