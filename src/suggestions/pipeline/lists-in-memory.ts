import type { ListBar, ScoredCandidate } from '@citymatch/matching';

/**
 * Every stored list of a generation, with what an incremental update asks of them at hand: each
 * list's bar (length and last entry) and, for each candidate, the lists that hold it.
 */
export class ListsInMemory {
  private readonly lists = new Map<string, ScoredCandidate[]>();
  private readonly bars = new Map<string, ListBar>();
  private readonly holders = new Map<string, Set<string>>();

  constructor(lists: Iterable<[string, ScoredCandidate[]]> = []) {
    this.replace(lists);
  }

  /** How many lists (all non-empty) are kept. */
  get size(): number {
    return this.lists.size;
  }

  /** Stores lists as replaceLists does: an empty list is no list. */
  replace(lists: Iterable<[string, ScoredCandidate[]]>): void {
    for (const [memberId, list] of lists) {
      for (const candidate of this.lists.get(memberId) ?? []) this.holders.get(candidate.id)?.delete(memberId);
      if (list.length === 0) {
        this.lists.delete(memberId);
        this.bars.delete(memberId);
        continue;
      }
      this.lists.set(memberId, list);
      this.bars.set(memberId, { length: list.length, worst: list[list.length - 1], holds: false });
      for (const candidate of list) {
        let holders = this.holders.get(candidate.id);
        if (!holders) this.holders.set(candidate.id, (holders = new Set()));
        holders.add(memberId);
      }
    }
  }

  /** What listsTouchedBy needs of every list when `changedId` changed. */
  barsFor(changedId: string): Map<string, ListBar> {
    const bars = new Map(this.bars);
    for (const memberId of this.holders.get(changedId) ?? []) bars.set(memberId, { ...bars.get(memberId)!, holds: true });
    return bars;
  }

  /** The lists of the given members (members without one are absent). */
  listsOf(memberIds: readonly string[]): Map<string, ScoredCandidate[]> {
    const picked = new Map<string, ScoredCandidate[]>();
    for (const id of memberIds) {
      const list = this.lists.get(id);
      if (list) picked.set(id, list);
    }
    return picked;
  }
}
