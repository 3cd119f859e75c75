/**
 * Heaps on SharedArrayBuffers that all threads of one computeTopK update, each heap under
 * its own spin lock (`locks[slot]`, 0 free, 1 held), so every list's bar is the k-th best
 * of everything any thread has found.
 */
export interface SharedHeapStorage {
  count: Int32Array;
  score: Float64Array;
  index: Int32Array;
  locks: Int32Array;
}

export function sharedHeapStorage(slots: number, k: number): SharedHeapStorage {
  const ints = (length: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * Math.max(1, length)), 0, length);
  return {
    count: ints(slots),
    score: new Float64Array(new SharedArrayBuffer(8 * Math.max(1, slots * k)), 0, slots * k),
    index: ints(slots * k),
    locks: ints(slots),
  };
}

/**
 * One bounded heap per source member, in flat typed arrays: the K best candidates seen so
 * far, the worst at the root. "Worse" means a lower score, or an equal score and a later
 * id (a higher `rank`). `floor` is the root score once a heap is full, so the
 * scan can skip a pair with one comparison.
 */
export class TopKHeaps {
  readonly count: Int32Array;
  readonly score: Float64Array;
  readonly index: Int32Array;
  readonly floor: Float64Array;
  private readonly locks: Int32Array | null;

  /**
   * With `shared`, the heaps live in storage that other threads update at the same time
   * (each offer takes the heap's lock); `floor` is then shared too. Reading a floor without
   * the lock is safe: floors only rise, so a stale one only lets a pair through.
   */
  constructor(
    readonly slots: number,
    readonly k: number,
    private readonly rank: Int32Array,
    floor?: Float64Array,
    shared?: SharedHeapStorage,
  ) {
    this.count = shared?.count ?? new Int32Array(slots);
    this.score = shared?.score ?? new Float64Array(slots * k);
    this.index = shared?.index ?? new Int32Array(slots * k);
    this.locks = shared?.locks ?? null;
    this.floor = floor ?? new Float64Array(slots).fill(k > 0 ? -Infinity : Infinity);
  }

  /** Adds candidate j with score s to heap `slot` if it beats the heap's worst. */
  offer(slot: number, s: number, j: number): void {
    const locks = this.locks;
    if (locks === null) {
      this.insert(slot, s, j);
      return;
    }
    while (Atomics.compareExchange(locks, slot, 0, 1) !== 0) {
      // Another thread holds this heap for the few steps of one insertion.
    }
    try {
      this.insert(slot, s, j);
    } finally {
      Atomics.store(locks, slot, 0);
    }
  }

  private insert(slot: number, s: number, j: number): void {
    const k = this.k;
    const base = slot * k;
    const score = this.score;
    const index = this.index;
    const c = this.count[slot];
    const rank = this.rank;
    const rj = rank[j];
    let pos: number;
    if (c < k) {
      pos = c;
      this.count[slot] = c + 1;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        const ps = score[base + parent];
        const pj = index[base + parent];
        if (!(s < ps || (s === ps && rj > rank[pj]))) break;
        score[base + pos] = ps;
        index[base + pos] = pj;
        pos = parent;
      }
    } else {
      const rs = score[base];
      if (!(s > rs || (s === rs && rj < rank[index[base]]))) return;
      pos = 0;
      for (;;) {
        let child = 2 * pos + 1;
        if (child >= k) break;
        let cs = score[base + child];
        let cj = index[base + child];
        const right = child + 1;
        if (right < k) {
          const rsc = score[base + right];
          const rightJ = index[base + right];
          if (rsc < cs || (rsc === cs && rank[rightJ] > rank[cj])) {
            child = right;
            cs = rsc;
            cj = rightJ;
          }
        }
        if (!(cs < s || (cs === s && rank[cj] > rj))) break;
        score[base + pos] = cs;
        index[base + pos] = cj;
        pos = child;
      }
    }
    score[base + pos] = s;
    index[base + pos] = j;
    if (this.count[slot] === k && score[base] > this.floor[slot]) this.floor[slot] = score[base];
  }
}

/**
 * Puts every slot's entries in best-first order, in place (insertion sort: lists are short).
 * The heaps are lists from then on: no more offers.
 */
export function sortSlots(heaps: Pick<TopKHeaps, 'count' | 'score' | 'index' | 'k'>, rank: Int32Array): void {
  const { count, score, index, k } = heaps;
  for (let slot = 0; slot < count.length; slot++) {
    const base = slot * k;
    const last = base + count[slot];
    for (let q = base + 1; q < last; q++) {
      const s = score[q];
      const j = index[q];
      const r = rank[j];
      let p = q;
      while (p > base && (score[p - 1] < s || (score[p - 1] === s && rank[index[p - 1]] > r))) {
        score[p] = score[p - 1];
        index[p] = index[p - 1];
        p--;
      }
      score[p] = s;
      index[p] = j;
    }
  }
}

/** Best first: higher score, then lower id rank. */
export function compareEntries(sa: number, ra: number, sb: number, rb: number): number {
  if (sa !== sb) return sa > sb ? -1 : 1;
  return ra - rb;
}
