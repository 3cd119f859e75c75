import fc from 'fast-check';

import { idOf, profileBody, toProfile, weights } from '../test-support/arbitraries';
import { explainMatch } from './explain';
import { matchScore } from './score';

const pair = fc.tuple(profileBody, profileBody).map(([a, b]) => [toProfile(idOf(0), a), toProfile(idOf(1), b)] as const);

describe('explainMatch', () => {
  it('has contributions that add up to each directional score, and the match score', () => {
    fc.assert(
      fc.property(pair, weights, ([a, b], w) => {
        const e = explainMatch(a, b, w);
        for (const side of [e.aFromB, e.bFromA]) {
          const total = Object.values(side.contributions).reduce((sum, v) => sum + v, 0);
          expect(Math.abs(total - side.score)).toBeLessThanOrEqual(1e-12);
          for (const key of Object.keys(side.components) as (keyof typeof side.components)[]) {
            expect(side.contributions[key]).toBeCloseTo(side.components[key] * e.weights[key], 15);
          }
        }
        expect(e.match).toBe(matchScore(a, b, w));
        expect(e.candidate).toBe(e.ineligibleBecause.length === 0);
      }),
    );
  });

  it('names the matched themes with their levels, in both directions', () => {
    const base = { country: 'PH', population: 50000, lat: 0, lon: 0, languages: ['eng'], status: 'active' as const };
    const a = {
      ...base,
      id: 'a',
      name: 'Suva',
      country: 'FJ',
      needs: { water: 3, housing: 1 },
      offers: { culture: 2 },
      partners: [],
      dismissed: [],
    };
    const b = { ...base, id: 'b', name: 'Iloilo', needs: { culture: 1, housing: 2 }, offers: { water: 3 }, partners: [], dismissed: [] };
    const e = explainMatch(a, b);
    expect(e.themes).toEqual({
      aNeedsBOffers: [{ theme: 'water', need: 3, offer: 3 }],
      bNeedsAOffers: [{ theme: 'culture', need: 1, offer: 2 }],
      sharedNeeds: [{ theme: 'housing', needA: 1, needB: 2 }],
    });
    expect(e.reasons).toEqual([
      'Iloilo offers water at expert level, a high-priority need of Suva',
      'Suva offers culture at experienced level, a low-priority need of Iloilo',
      'Suva and Iloilo both need housing',
      'Suva and Iloilo are similar in size',
      'Suva and Iloilo are about 0 km apart',
      'Suva and Iloilo share a language (eng)',
    ]);
  });

  it('says why a pair is not suggested', () => {
    const base = { country: 'PH', population: 5000, lat: 10, lon: 120, languages: [], status: 'active' as const };
    const a = { ...base, id: 'a', needs: { water: 1 }, offers: {}, partners: ['b'], dismissed: [] };
    const b = { ...base, id: 'b', population: 500000, needs: {}, offers: {}, partners: [], dismissed: [] };
    const e = explainMatch(a, b);
    expect(e.ineligibleBecause).toEqual(['same-country', 'no-thematic-fit', 'partners']);
    expect(e.reasons).toContain('b is about 100 times the size of a');
    expect(e.reasons).toContain('Not suggested: they are already partners');
    expect(e.reasons).toContain("b offers none of a's needs, so the fit is one-sided");
  });
});
