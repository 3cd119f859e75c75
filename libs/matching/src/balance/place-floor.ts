import type { BalanceOptions } from './balance-options';
import type { CandidatePools } from './candidate-pools';
import type { ListSlots } from './list-slots';

/**
 * In rounds, each member seen in fewer lists than the round number joins the list of its best
 * match (scores are symmetric) that still has a floor slot and accepts it. Members with the
 * fewest places to go come first in each round: the fewest candidates, then those of the
 * largest countries, whose own country's lists are closed to them.
 */
export function placeFloor(slots: ListSlots, pools: CandidatePools, dismissed: Set<number>, options: BalanceOptions): void {
  const n = slots.size;
  const k = pools.k;
  const countrySize = new Map<number, number>();
  for (let i = 0; i < n; i++) countrySize.set(slots.countryOf(i), (countrySize.get(slots.countryOf(i)) ?? 0) + 1);
  const sizeOf = (i: number) => countrySize.get(slots.countryOf(i))!;
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => pools.counts[i] > 0)
    .sort((a, b) => pools.counts[a] - pools.counts[b] || sizeOf(b) - sizeOf(a) || a - b);
  const cursor = new Int32Array(n);
  for (let round = 1; round <= options.floorAppearances; round++) {
    for (const member of order) {
      if (slots.exposure[member] >= round) continue;
      for (; cursor[member] < pools.counts[member]; cursor[member]++) {
        const q = member * k + cursor[member];
        const list = pools.indices[q];
        if (slots.floorUsed[list] >= options.floorSlotsPerList || dismissed.has(list * n + member)) continue;
        if (!slots.accepts(list, member)) continue;
        slots.place(list, member, pools.scores[q]);
        slots.floorUsed[list]++;
        cursor[member]++;
        break;
      }
    }
  }
}
