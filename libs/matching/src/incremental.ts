import { computeTopKSync } from './kernel/compute-top-k';
import type { PreparedDataset } from './kernel/prepared-dataset';
import { RowScratch } from './kernel/row-scratch';
import { scanColumns } from './kernel/scan';
import { TopKHeaps } from './kernel/top-k-heap';
import type { ScoredCandidate } from './profile';
import { normaliseWeights, type Weights } from './weights';

export interface IncrementalOptions {
  k: number;
  weights?: Partial<Weights>;
  /**
   * Consider only these members' lists (and the changed member's own): the caller knows the others
   * do not change, from listsTouchedBy. By default every active member's list is considered.
   */
  members?: Iterable<string>;
}

/** What listsTouchedBy needs of a stored list: its length, its last entry, whether it holds the changed member. */
export interface ListBar {
  length: number;
  worst: ScoredCandidate | null;
  holds: boolean;
}

/**
 * How a member's list changes: the changed member `entered` it, `left` it (the list was
 * not full, so nobody takes its place), was `rescored` (still in, new score or place), or
 * the list was `refreshed` by a full scan because its next-best candidate was unknown.
 */
export type ListChangeKind = 'entered' | 'left' | 'rescored' | 'refreshed';

export interface ListChange {
  memberId: string;
  kind: ListChangeKind;
  /** The complete new list, best first. */
  suggestions: ScoredCandidate[];
}

export interface IncrementalUpdate {
  memberId: string;
  /** The changed member's own new list; null when it is inactive or gone, so its list goes. */
  suggestions: ScoredCandidate[] | null;
  /** Every other member whose stored list changes. Lists not named here stay as they are. */
  changes: ListChange[];
}

/**
 * What one member's change does to the stored top-k lists. `prepared` holds the dataset
 * after the change; `currentLists` holds every active member's stored list from before it
 * (a missing entry counts as an empty list), with the exact scores this library returned,
 * all computed with the same k and weights. Applying the update gives exactly what a full
 * recompute would.
 *
 * Only pairs with the changed member A change score, so member B's list changes only
 * through A: A enters when it now beats B's k-th candidate, and moves in place when it
 * stays above it. When A drops below B's old k-th candidate or stops being eligible while
 * B's list is full, B's (k+1)-th candidate, which no stored list knows, moves up, so B's
 * list is rescanned.
 */
export function affectedBy(
  changedId: string,
  prepared: PreparedDataset,
  currentLists: ReadonlyMap<string, readonly ScoredCandidate[]>,
  options: IncrementalOptions,
): IncrementalUpdate {
  const { k } = options;
  const weights = normaliseWeights(options.weights);
  const a = prepared.indexOf.get(changedId);
  const scores = a === undefined ? undefined : scoresAsCandidate(prepared, a, weights);
  const changes: ListChange[] = [];
  const considered = options.members
    ? [...new Set(options.members)]
        .map((id) => prepared.indexOf.get(id))
        .filter((b): b is number => b !== undefined)
        .sort((x, y) => x - y)
    : undefined;
  for (let next = 0; next < (considered?.length ?? prepared.size); next++) {
    const b = considered ? considered[next] : next;
    if (b === a) continue;
    const memberId = prepared.ids[b];
    const list = currentLists.get(memberId) ?? [];
    const score = scores ? scores[b] : -1;
    const change = changeOf(list, changedId, score, k, () =>
      computeTopKSync(prepared, { k, weights, sourceRange: [b, b + 1] }).suggestions(0),
    );
    if (change) changes.push({ memberId, ...change });
  }
  const own = a === undefined ? null : computeTopKSync(prepared, { k, weights, sourceRange: [a, a + 1] }).suggestions(0);
  return { memberId: changedId, suggestions: own, changes };
}

/**
 * The members whose stored list may change when `changedId` changes, knowing of each list only its
 * length, last entry and whether it holds the changed member (`bars`, by member; a missing entry
 * is an empty list). A list changes only if it holds the member, or if the member now enters it:
 * eligible, and the list not full or its last entry beaten. affectedBy with `members` set to these
 * gives the same update as with every list.
 */
export function listsTouchedBy(
  changedId: string,
  prepared: PreparedDataset,
  bars: ReadonlyMap<string, ListBar>,
  options: Omit<IncrementalOptions, 'members'>,
): string[] {
  const { k } = options;
  const a = prepared.indexOf.get(changedId);
  const scores = a === undefined ? undefined : scoresAsCandidate(prepared, a, normaliseWeights(options.weights));
  const touched: string[] = [];
  for (const [memberId, bar] of bars) if (bar.holds) touched.push(memberId);
  if (!scores || k === 0) return touched;
  for (let b = 0; b < prepared.size; b++) {
    const score = scores[b];
    if (b === a || score < 0) continue;
    const memberId = prepared.ids[b];
    const bar = bars.get(memberId);
    if (bar?.holds) continue;
    if (!bar || bar.length < k || !bar.worst || beats(changedId, score, bar.worst)) touched.push(memberId);
  }
  return touched;
}

/** Whether the changed member, at `score`, ranks at or above `worst` (ties by id). */
function beats(changedId: string, score: number, worst: ScoredCandidate): boolean {
  return score > worst.score || (score === worst.score && changedId <= worst.id);
}

/** B's list after A's change, A's new score being `score` (below zero: not a candidate for B). */
function changeOf(
  list: readonly ScoredCandidate[],
  changedId: string,
  score: number,
  k: number,
  rescan: () => ScoredCandidate[],
): Omit<ListChange, 'memberId'> | undefined {
  const eligible = score >= 0;
  const at = list.findIndex((c) => c.id === changedId);
  const full = list.length >= k;
  const worst = list[list.length - 1];
  const beatsWorst = (): boolean => eligible && beats(changedId, score, worst);
  const withChanged = (rest: readonly ScoredCandidate[]): ScoredCandidate[] => insertSorted(rest, { id: changedId, score }).slice(0, k);

  if (at < 0) {
    if (!eligible || k === 0 || (full && !beatsWorst())) return undefined;
    return { kind: 'entered', suggestions: withChanged(list) };
  }
  if (eligible && list[at].score === score) return undefined;
  const rest = list.filter((_, r) => r !== at);
  if (!full) return eligible ? { kind: 'rescored', suggestions: withChanged(rest) } : { kind: 'left', suggestions: rest };
  // Candidates outside a full list rank below its old worst entry, so A can stay only above it.
  if (beatsWorst()) return { kind: 'rescored', suggestions: withChanged(rest) };
  return { kind: 'refreshed', suggestions: rescan() };
}

function insertSorted(list: readonly ScoredCandidate[], entry: ScoredCandidate): ScoredCandidate[] {
  const at = list.findIndex((c) => c.score < entry.score || (c.score === entry.score && c.id > entry.id));
  return at < 0 ? [...list, entry] : [...list.slice(0, at), entry, ...list.slice(at)];
}

/** match(A, B) for every B that may have A as a candidate, else -1. */
function scoresAsCandidate(prepared: PreparedDataset, a: number, w: Weights): Float64Array {
  // One heap of size 1 per member: column b's heap receives A alone, unpruned.
  const heaps = new TopKHeaps(prepared.size, 1, prepared.arrays.idRank);
  const scratch = new RowScratch(prepared.arrays);
  scratch.load(a);
  scanColumns(prepared.arrays, w, heaps, scratch, 0, prepared.size, a, 0, prepared.size);
  scratch.unload(a);
  const scores = new Float64Array(prepared.size).fill(-1);
  for (let b = 0; b < prepared.size; b++) if (b !== a && heaps.count[b] > 0) scores[b] = heaps.score[b];
  return scores;
}
