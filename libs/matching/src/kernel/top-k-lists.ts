import type { ScoredCandidate } from '../profile';
import { compareEntries, type TopKHeaps } from './top-k-heap';

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
    const slots = end - start;
    const counts = new Int32Array(slots);
    const indices = new Int32Array(slots * k);
    const scores = new Float64Array(slots * k);
    const pool: { s: number; j: number }[] = [];
    for (let slot = 0; slot < slots; slot++) {
      pool.length = 0;
      for (const h of heaps) {
        for (let q = slot * k; q < slot * k + h.count[slot]; q++) pool.push({ s: h.score[q], j: h.index[q] });
      }
      pool.sort((x, y) => compareEntries(x.s, idRank[x.j], y.s, idRank[y.j]));
      const take = Math.min(k, pool.length);
      counts[slot] = take;
      for (let r = 0; r < take; r++) {
        indices[slot * k + r] = pool[r].j;
        scores[slot * k + r] = pool[r].s;
      }
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
