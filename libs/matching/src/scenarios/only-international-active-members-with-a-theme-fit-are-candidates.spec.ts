import { city } from '../../test-support/city';
import { computeTopKSync, ineligibilityReasons, isCandidate, prepareDataset } from '..';

describe('only active members of other countries with a theme fit are candidates', () => {
  const a = city('a', { country: 'FJ', needs: { water: 2 } });

  it('skips members of the same country', () => {
    const b = city('b', { country: 'FJ', offers: { water: 3 } });
    expect(ineligibilityReasons(a, b)).toEqual(['same-country']);
  });

  it('skips inactive members, who get no suggestions either', () => {
    const b = city('b', { offers: { water: 3 }, status: 'inactive' });
    expect(ineligibilityReasons(a, b)).toEqual(['inactive']);
    expect(ineligibilityReasons(b, a)).toEqual(['inactive']);
    expect([
      ...computeTopKSync(prepareDataset([a, b]), { k: 3 })
        .toMap()
        .keys(),
    ]).toEqual(['a']);
  });

  it('needs a theme one side needs and the other offers; shared needs alone are not enough', () => {
    const b = city('b', { needs: { water: 3 } });
    expect(ineligibilityReasons(a, b)).toEqual(['no-thematic-fit']);
    // The fit may run either way: B needs what A offers.
    const c = city('c', { needs: { culture: 1 } });
    expect(isCandidate(city('d', { country: 'FJ', offers: { culture: 1 } }), c)).toBe(true);
  });

  it('never pairs a member with itself', () => {
    expect(ineligibilityReasons(a, a)).toContain('same-member');
  });
});
