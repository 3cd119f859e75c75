import { city } from '../../test-support/city';
import { sharedNeeds, thematicFit } from '..';

describe('thematic fit weighs need priority by expertise', () => {
  // A needs water at 3 (n = 1) and housing at 1 (n = 1/3): N_A = 4/3.
  const a = city('a', { needs: { water: 3, housing: 1 } });

  it('counts how much of the weighted needs the other serves', () => {
    // B offers water at 2 (o = 2/3) and housing at 3 (o = 1):
    // (1 · 2/3 + 1/3 · 1) / (4/3) = 1 / (4/3) = 0.75
    const b = city('b', { offers: { water: 2, housing: 3 } });
    expect(thematicFit(a, b)).toBeCloseTo(0.75, 15);
    // Only the low-priority need served, at expert level: (1/3 · 1) / (4/3) = 0.25
    expect(thematicFit(a, city('c', { offers: { housing: 3 } }))).toBeCloseTo(0.25, 15);
    // Everything at expert level: 1
    expect(thematicFit(a, city('d', { offers: { water: 3, housing: 3, culture: 1 } }))).toBe(1);
  });

  it('counts shared needs at the lower of the two priorities', () => {
    // B needs water at 1 and housing at 3: (min(1, 1/3) + min(1/3, 1)) / (4/3) = (2/3) / (4/3) = 0.5
    // and the other way: (1/3 + 1/3) / (1/3 + 1) = 0.5
    const b = city('b', { needs: { water: 1, housing: 3 } });
    expect(sharedNeeds(a, b)).toBeCloseTo(0.5, 15);
    expect(sharedNeeds(b, a)).toBeCloseTo(0.5, 15);
    // C needs water at 2 only: A←C (2/3) / (4/3) = 0.5; C←A (2/3) / (2/3) = 1
    const c = city('c', { needs: { water: 2 } });
    expect(sharedNeeds(a, c)).toBeCloseTo(0.5, 15);
    expect(sharedNeeds(c, a)).toBe(1);
  });

  it('is 0 for a member without needs', () => {
    expect(thematicFit(city('none'), city('b', { offers: { water: 3 } }))).toBe(0);
    expect(sharedNeeds(city('none'), a)).toBe(0);
  });
});
