import fc from 'fast-check';

import { dataset, THEMES } from '../test-support/arbitraries';
import { refIsCandidate, refMatch } from '../test-support/reference';
import { normaliseWeights } from './weights';
import { prepareDataset } from './kernel/prepared-dataset';
import { MAX_PER_COUNTRY, rankCandidates, rankPrepared } from './rank';

describe('rankCandidates', () => {
  it('lists the k best eligible candidates, best first, ties by id', () => {
    fc.assert(
      fc.property(dataset(16), fc.integer({ min: 0, max: 5 }), (profiles, k) => {
        for (const member of profiles) {
          const ranked = rankCandidates(member, profiles, { k });
          const eligible = profiles.filter((p) => refIsCandidate(member, p));
          expect(ranked.length).toBe(Math.min(k, eligible.length));
          for (let r = 1; r < ranked.length; r++) {
            const [prev, next] = [ranked[r - 1], ranked[r]];
            expect(prev.score > next.score || (prev.score === next.score && prev.id < next.id)).toBe(true);
          }
          const floor = ranked.length ? ranked[ranked.length - 1].score : Infinity;
          const w = normaliseWeights();
          for (const p of eligible) {
            if (!ranked.some((c) => c.id === p.id)) expect(refMatch(member, p, w)).toBeLessThanOrEqual(floor + 1e-9);
          }
        }
      }),
    );
  });

  it('filters candidates without changing their order', () => {
    fc.assert(
      fc.property(dataset(16), fc.constantFrom(...THEMES), fc.constantFrom('eng', 'jpn'), (profiles, theme, language) => {
        for (const member of profiles) {
          const all = rankCandidates(member, profiles, { k: 100 });
          const filter = { theme, language, minPopulation: 1000, maxPopulation: 1_000_000 };
          const kept = all.filter((c) => {
            const p = profiles.find((x) => x.id === c.id)!;
            return (
              (p.offers[theme] > 0 || p.needs[theme] > 0) &&
              p.languages.includes(language) &&
              p.population >= 1000 &&
              p.population <= 1_000_000
            );
          });
          expect(rankCandidates(member, profiles, { k: 100, filter })).toEqual(kept);
        }
      }),
    );
  });

  it('keeps at most three per country when diversifying, skipping down the list', () => {
    fc.assert(
      fc.property(dataset(24), fc.integer({ min: 1, max: 8 }), (profiles, k) => {
        for (const member of profiles) {
          const all = rankCandidates(member, profiles, { k: 1000 });
          const country = new Map(profiles.map((p) => [p.id, p.country]));
          const seen = new Map<string, number>();
          const expected = all
            .filter((c) => {
              const n = seen.get(country.get(c.id)!) ?? 0;
              seen.set(country.get(c.id)!, n + 1);
              return n < MAX_PER_COUNTRY;
            })
            .slice(0, k);
          expect(rankCandidates(member, profiles, { k, diversify: true })).toEqual(expected);
        }
      }),
    );
  });

  it('ranks the same from a prepared dataset with the kernel', () => {
    fc.assert(
      fc.property(
        dataset(24),
        fc.integer({ min: 1, max: 8 }),
        fc.record({
          theme: fc.option(fc.constantFrom(...THEMES), { nil: undefined }),
          maxPopulation: fc.option(fc.constant(1_000_000), { nil: undefined }),
          language: fc.option(fc.constantFrom('eng', 'jpn'), { nil: undefined }),
        }),
        fc.boolean(),
        (profiles, k, filter, diversify) => {
          const prepared = prepareDataset(profiles);
          const byId = new Map(profiles.map((p) => [p.id, p]));
          for (const member of profiles) {
            const expected = member.status === 'active' ? rankCandidates(member, profiles, { k, filter, diversify }) : [];
            // The kernel's widening list (no survivors scored alone), the survivors scored alone, and the default.
            for (const scoreSurvivorsUpTo of [-1, 1_000, undefined]) {
              const ranked = rankPrepared(prepared, member.id, (id) => byId.get(id), { k, filter, diversify }, scoreSurvivorsUpTo);
              expect(ranked.map((c) => c.id)).toEqual(expected.map((c) => c.id));
              ranked.forEach((c, r) => expect(c.score).toBe(expected[r].score));
            }
          }
        },
      ),
    );
  });
});
