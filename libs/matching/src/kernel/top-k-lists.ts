import type { ScoredCandidate } from '../profile';
import { sortSlots, type TopKHeaps } from './top-k-heap';

/**
 * The suggestions of the source members start..end-1 of a prepared dataset: for source
 * slot s (member start + s), counts[s] candidates at indices/scores[s·k ..], best first.
 */
export class TopKLists {
  constructor(
    private readonly memberIds: readonly string[],
    readonly start: number,
    readonly end: number,
    readonly k: number,
    readonly counts: Int32Array,
    readonly indices: Int32Array,
    readonly scores: Float64Array,
    /** Unordered pairs considered; each pair's score serves both members. */
    readonly pairsScored: number,
  ) {}

  /** Merges per-thread heaps over the same sources into sorted lists. */
  static fromHeaps(
    memberIds: readonly string[],
    start: number,
    end: number,
    heaps: readonly Pick<TopKHeaps, 'count' | 'score' | 'index'>[],
    k: number,
    pairsScored: number,
    idRank: Int32Array,
  ): TopKLists {
    for (const h of heaps) sortSlots({ ...h, k }, idRank);
    return TopKLists.fromSortedHeaps(memberIds, start, end, heaps, k, pairsScored, idRank);
  }

  /**
   * Merges per-thread heaps whose slots are already sorted best first (sortSlots, done by
   * each thread on its own heaps) and that never hold the same pair twice.
   */
  static fromSortedHeaps(
    memberIds: readonly string[],
    start: number,
    end: number,
    heaps: readonly Pick<TopKHeaps, 'count' | 'score' | 'index'>[],
    k: number,
    pairsScored: number,
    idRank: Int32Array,
  ): TopKLists {
    const slots = end - start;
    if (heaps.length === 1) {
      const only = heaps[0];
      return new TopKLists(
        memberIds,
        start,
        end,
        k,
        only.count.slice(0, slots),
        only.index.slice(0, slots * k),
        only.score.slice(0, slots * k),
        pairsScored,
      );
    }
    const counts = new Int32Array(slots);
    const indices = new Int32Array(slots * k);
    const scores = new Float64Array(slots * k);
    const heads = new Int32Array(heaps.length);
    for (let slot = 0; slot < slots; slot++) {
      const base = slot * k;
      heads.fill(0);
      let taken = 0;
      for (; taken < k; taken++) {
        // The best head among the heaps' sorted runs.
        let best = -1;
        let bestScore = 0;
        let bestRank = 0;
        for (let h = 0; h < heaps.length; h++) {
          if (heads[h] >= heaps[h].count[slot]) continue;
          const q = base + heads[h];
          const s = heaps[h].score[q];
          const r = idRank[heaps[h].index[q]];
          if (best < 0 || s > bestScore || (s === bestScore && r < bestRank)) {
            best = h;
            bestScore = s;
            bestRank = r;
          }
        }
        if (best < 0) break;
        indices[base + taken] = heaps[best].index[base + heads[best]];
        scores[base + taken] = bestScore;
        heads[best]++;
      }
      counts[slot] = taken;
    }
    return new TopKLists(memberIds, start, end, k, counts, indices, scores, pairsScored);
  }

  get size(): number {
    return this.end - this.start;
  }

  /** The id of the member in source slot `slot`. */
  memberId(slot: number): string {
    return this.memberIds[this.start + slot];
  }

  suggestions(slot: number): ScoredCandidate[] {
    const list: ScoredCandidate[] = [];
    for (let r = 0; r < this.counts[slot]; r++) {
      list.push({ id: this.memberIds[this.indices[slot * this.k + r]], score: this.scores[slot * this.k + r] });
    }
    return list;
  }

  *entries(): IterableIterator<{ id: string; suggestions: ScoredCandidate[] }> {
    for (let slot = 0; slot < this.size; slot++) yield { id: this.memberId(slot), suggestions: this.suggestions(slot) };
  }

  toMap(): Map<string, ScoredCandidate[]> {
    const map = new Map<string, ScoredCandidate[]>();
    for (const { id, suggestions } of this.entries()) map.set(id, suggestions);
    return map;
  }
}
