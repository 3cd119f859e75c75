import fc from 'fast-check';

import { computeTopKSync, matchScore, prepareDataset, type ScoredCandidate } from '../index';
import { networkArbitrary, randomNetwork } from '../../test-support/random-network';
import { balanceListsInThread } from './balance-in-thread';
import { balanceLists } from './balance-lists';
import { DEFAULT_BALANCE } from './balance-options';
import { exclusionKeys, isOpen, networkIneligibilityReasons, rankedProfiles, type NetworkProfile } from './network-rules';

const { listSize, countryCap, appearancesPerCapacity } = DEFAULT_BALANCE;

function pureLists(profiles: readonly NetworkProfile[], k: number): Map<string, ScoredCandidate[]> {
  return computeTopKSync(prepareDataset(profiles), { k }).toMap();
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

describe('balanceLists on random networks of 500-5,000 members with a dominant country', () => {
  it('lists only eligible candidates with their exact scores, and meets the share, coverage and exposure targets', async () => {
    await fc.assert(
      fc.asyncProperty(networkArbitrary, async ({ seed, size, dominantShare }) => {
        const { profiles, rules } = randomNetwork(seed, size, dominantShare);
        const byId = new Map(profiles.map((p) => [p.id, p]));
        const ranked = rankedProfiles(profiles, rules);
        const pureBefore = pureLists(ranked, listSize);

        const lists = await balanceLists(profiles, rules, { threads: 1 });

        const excluded = exclusionKeys(rules);
        const exposure = new Map<string, number>();
        const shares: number[] = [];
        // Problems are collected and compared once: an expect per entry costs more than the balancing itself.
        const problems: string[] = [];
        for (const [memberId, list] of lists) {
          const member = byId.get(memberId)!;
          const perCountry = new Map<string, number>();
          for (const { id, score } of list) {
            const candidate = byId.get(id)!;
            const reasons = networkIneligibilityReasons(member, candidate, rules);
            if (reasons.length > 0) problems.push(`${memberId} → ${id}: ineligible (${reasons.join(', ')})`);
            if (score !== matchScore(member, candidate)) problems.push(`${memberId} → ${id}: score ${score} is not the match score`);
            if (!isOpen(candidate) || !isOpen(member)) problems.push(`${memberId} → ${id}: a member closed to partnerships`);
            if (excluded.has(`${member.country}:${candidate.country}`)) problems.push(`${memberId} → ${id}: excluded country pair`);
            perCountry.set(candidate.country, (perCountry.get(candidate.country) ?? 0) + 1);
            exposure.set(id, (exposure.get(id) ?? 0) + 1);
          }
          if (list.length > listSize) problems.push(`${memberId}: ${list.length} candidates`);
          if (new Set(list.map((c) => c.id)).size !== list.length) problems.push(`${memberId}: a candidate twice`);
          if (Math.max(0, ...perCountry.values()) > countryCap) problems.push(`${memberId}: over the country cap`);
          if (list.length > 0) shares.push(Math.max(...perCountry.values()) / list.length);
        }
        expect(problems).toEqual([]);
        expect(quantile(shares, 0.9)).toBeLessThanOrEqual(0.25);

        const withCandidates = [...pureLists(ranked, 1)].filter(([, list]) => list.length > 0).map(([id]) => id);
        const counts = withCandidates.map((id) => exposure.get(id) ?? 0);
        expect(counts.filter((c) => c >= 1).length / counts.length).toBeGreaterThanOrEqual(0.98);
        expect(counts.filter((c) => c >= 3).length / counts.length).toBeGreaterThanOrEqual(0.9);
        const mean = [...exposure.values()].reduce((a, b) => a + b, 0) / counts.length;
        expect(Math.max(...counts)).toBeLessThanOrEqual(3 * mean);
        const overCapacity = [...exposure].filter(([id, count]) => {
          const capacity = byId.get(id)!.capacity;
          return capacity !== null && capacity !== undefined && count > capacity * appearancesPerCapacity;
        });
        expect(overCapacity).toEqual([]);

        expect(pureLists(ranked, listSize)).toEqual(pureBefore);
      }),
      { numRuns: 2 },
    );
  });

  it('is a function of the members and the rules alone: input order and thread count change nothing', async () => {
    const { profiles, rules } = randomNetwork(7, 900, 0.4);
    const once = await balanceLists(profiles, rules, { threads: 1 });
    const again = await balanceLists([...profiles].reverse(), rules, { threads: 2 });
    expect(new Map([...again].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(new Map([...once].sort(([a], [b]) => (a < b ? -1 : 1))));
  });
});

describe('balanceListsInThread', () => {
  it('gives the lists balanceLists gives on the calling thread', async () => {
    const { profiles, rules } = randomNetwork(7, 600, 0.4);
    const here = await balanceLists(profiles, rules, { threads: 1 });
    const there = await balanceListsInThread(profiles, rules, { threads: 1 });
    expect(there.size).toBeGreaterThan(0);
    expect(there).toEqual(here);
  });
});
