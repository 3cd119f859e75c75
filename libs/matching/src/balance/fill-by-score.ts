import type { CandidatePools } from './candidate-pools';
import type { ListSlots } from './list-slots';

/**
 * Fills the lists' free slots from their pools, best pair of the whole network first (ties by
 * list index): a max-heap holds each unfinished list at the next entry of its pool.
 */
export function fillByScore(slots: ListSlots, pools: CandidatePools): void {
  const k = pools.k;
  const cursor = new Int32Array(slots.size);
  const heap = new Int32Array(slots.size);
  let size = 0;
  const better = (a: number, b: number): boolean => {
    const sa = pools.scores[a * k + cursor[a]];
    const sb = pools.scores[b * k + cursor[b]];
    return sa > sb || (sa === sb && a < b);
  };
  const push = (list: number): void => {
    let at = size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!better(list, heap[parent])) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = list;
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap[--size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && better(heap[child + 1], heap[child])) child++;
      if (!better(heap[child], last)) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
    return top;
  };

  for (let list = 0; list < slots.size; list++) if (pools.counts[list] > 0 && !slots.isFull(list)) push(list);
  while (size > 0) {
    const list = pop();
    const q = list * k + cursor[list]++;
    const member = pools.indices[q];
    if (slots.accepts(list, member)) slots.place(list, member, pools.scores[q]);
    if (!slots.isFull(list) && cursor[list] < pools.counts[list]) push(list);
  }
}
