import { prepareDataset, type MatchProfile, type PreparedDataset, type ScoredCandidate, type Weights } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { MemberProfilesReader } from '../../members';
import { ChangeFeed } from '../storage/change-feed';
import type { GenerationSummary, ListsSnapshot } from '../storage/generation';
import { SuggestionsRepository } from '../storage/suggestions.repository';

export interface StoredList {
  /** The current generation, or null when none is stored yet. */
  generation: GenerationSummary | null;
  /** The member's stored list in that generation, best first (empty when it has none). */
  list: ScoredCandidate[];
  /** The same object for every list read from the same lists in memory; a new one after any change. */
  version: object;
}

export interface MutualPair {
  a: string;
  b: string;
  score: number;
}

/** The current generation's mutual pairs, read with it from one version of the lists. */
export interface MutualPairs {
  generation: GenerationSummary | null;
  /** a < b in plain string order; best first, then by a and b. */
  pairs: readonly MutualPair[];
}

/** Each pair once whose members are each in the other's list, with the score of a's list. */
function mutualPairsOf(lists: ReadonlyMap<string, readonly ScoredCandidate[]>): MutualPair[] {
  const pairs: MutualPair[] = [];
  for (const [a, list] of lists) {
    for (const { id: b, score } of list) {
      if (a < b && lists.get(b)?.some((candidate) => candidate.id === a)) pairs.push({ a, b, score });
    }
  }
  return pairs.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

/**
 * What the suggestions API reads, kept in this process's memory: every member's profile (and, for
 * filtered queries, the kernel's prepared dataset of them), the weights, and each member's stored
 * list as it is asked for. The database triggers announce every change through the ChangeFeed when
 * it commits, and only what changed is dropped; while the feed is down nothing is kept. What is worked
 * out from the lists (the network's mutual pairs) is kept by the lists' version, so it goes with them.
 */
@Injectable()
export class SuggestionsReadModel {
  private members?: Promise<Map<string, MatchProfile>>;
  private readonly prepared = new WeakMap<Map<string, MatchProfile>, PreparedDataset>();
  private readonly pairs = new WeakMap<ListsSnapshot, MutualPairs>();
  private weightsInForce?: Promise<Weights>;
  private lists?: Promise<ListsSnapshot>;
  /** Lists named by notifications whose patch has not started reading yet. */
  private pendingListIds?: Set<string>;
  /** A switched generation's lists being loaded, and lists changed since; readers keep the previous generation meanwhile. */
  private switching?: { loading: Promise<ListsSnapshot>; changedIds: Set<string> };

  constructor(
    private readonly repository: SuggestionsRepository,
    private readonly profilesReader: MemberProfilesReader,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe((payload) => this.changed(payload));
  }

  /** Every member, active or not, by id. */
  profiles(): Promise<Map<string, MatchProfile>> {
    if (!this.feed.listening) return this.profilesReader.all();
    return (this.members ??= this.keep(this.profilesReader.all(), () => (this.members = undefined)));
  }

  /** The active members of `members` prepared for the kernel, once per version of the map. */
  preparedOf(members: Map<string, MatchProfile>): PreparedDataset {
    let prepared = this.prepared.get(members);
    if (!prepared) this.prepared.set(members, (prepared = prepareDataset(members.values())));
    return prepared;
  }

  /**
   * Reads what a first request reads (every profile, prepared for the kernel, and the current lists),
   * for the API entry to call once it listens: the first official to open suggestions after a start
   * then finds them kept, or shares the load already under way, instead of starting it.
   */
  async warmUp(): Promise<void> {
    if (!this.feed.listening) return;
    const [members] = await Promise.all([this.profiles(), this.allLists()]);
    this.preparedOf(members);
  }

  weights(): Promise<Weights> {
    if (!this.feed.listening) return this.repository.weights();
    return (this.weightsInForce ??= this.keep(this.repository.weights(), () => (this.weightsInForce = undefined)));
  }

  /** The member's list in the current generation; the generation comes with it, so never a mix. */
  async stored(memberId: string): Promise<StoredList> {
    if (!this.feed.listening) return this.loadStoredList(memberId);
    const snapshot = await this.allLists();
    return { generation: snapshot.generation, list: snapshot.lists.get(memberId) ?? [], version: snapshot };
  }

  /**
   * The current generation's mutual pairs (each once, both members in the other's list), best first,
   * worked out once per version of the lists held here: they change only when the lists do.
   */
  async mutualPairs(): Promise<MutualPairs> {
    const snapshot = this.feed.listening ? await this.allLists() : await this.repository.currentLists(null);
    let pairs = this.pairs.get(snapshot);
    if (!pairs) this.pairs.set(snapshot, (pairs = { generation: snapshot.generation, pairs: mutualPairsOf(snapshot.lists) }));
    return pairs;
  }

  private allLists(): Promise<ListsSnapshot> {
    return (this.lists ??= this.keep(this.repository.currentLists(null), () => (this.lists = undefined)));
  }

  /** A member's list read with its generation in one query, for when nothing is kept. */
  private async loadStoredList(memberId: string): Promise<StoredList> {
    const snapshot = await this.repository.currentLists([memberId]);
    return { generation: snapshot.generation, list: snapshot.lists.get(memberId) ?? [], version: snapshot };
  }

  private changed(payload: string): void {
    const [kind, rest] = payload.split(/:(.*)/s);
    if (payload === '*') {
      this.members = undefined;
      this.weightsInForce = undefined;
      this.forgetLists();
    } else if (kind === 'generation') {
      this.switchGeneration();
    } else if (kind === 'weights') {
      this.weightsInForce = undefined;
    } else if (kind === 'lists') {
      if (rest === '*' || !this.lists) this.forgetLists();
      else if (this.switching) for (const id of JSON.parse(rest) as string[]) this.switching.changedIds.add(id);
      else this.listsChanged(this.lists, JSON.parse(rest));
    } else if (kind === 'members') {
      this.members =
        rest === '*' || !this.members
          ? undefined
          : this.keep(this.patchMembers(this.members, JSON.parse(rest)), () => (this.members = undefined));
    }
  }

  private forgetLists(): void {
    this.lists = undefined;
    this.pendingListIds = undefined;
    this.switching = undefined;
  }

  /**
   * A new generation is current: its lists load in the background while readers keep answering from
   * the previous one, complete as it is, instead of all waiting for the load (a few hundred ms).
   */
  private switchGeneration(): void {
    const previous = this.lists;
    this.forgetLists();
    if (!previous) return; // nothing kept: the next reader loads
    this.lists = previous;
    const switching = { loading: this.repository.currentLists(null), changedIds: new Set<string>() };
    this.switching = switching;
    switching.loading.then(
      (snapshot) => {
        if (this.switching !== switching) return;
        this.switching = undefined;
        this.lists = Promise.resolve(snapshot);
        if (switching.changedIds.size > 0) this.listsChanged(this.lists, [...switching.changedIds]);
      },
      () => {
        if (this.switching === switching) this.forgetLists();
      },
    );
  }

  /**
   * One commit notifies twice (the DELETE and the INSERT of replaceLists), in the same read from the
   * socket: ids that arrive before the patch starts reading join it rather than queueing another.
   */
  private listsChanged(previous: Promise<ListsSnapshot>, ids: string[]): void {
    if (this.pendingListIds) {
      for (const id of ids) this.pendingListIds.add(id);
      return;
    }
    const pending = (this.pendingListIds = new Set(ids));
    const patched = Promise.resolve().then(() => {
      if (this.pendingListIds === pending) this.pendingListIds = undefined;
      return this.patchLists(previous, [...pending]);
    });
    this.lists = this.keep(patched, () => (this.lists = undefined));
  }

  /** A copy with the changed lists read again; everything again if the generation moved on meanwhile. */
  private async patchLists(previous: Promise<ListsSnapshot>, ids: string[]): Promise<ListsSnapshot> {
    const [snapshot, changed] = await Promise.all([previous, this.repository.currentLists(ids)]);
    if (changed.generation?.id !== snapshot.generation?.id) return this.repository.currentLists(null);
    const lists = new Map(snapshot.lists);
    for (const id of ids) {
      const list = changed.lists.get(id);
      if (list) lists.set(id, list);
      else lists.delete(id);
    }
    return { generation: snapshot.generation, lists };
  }

  /** A copy of the map with the changed members read again: requests holding the old map keep a consistent one. */
  private async patchMembers(previous: Promise<Map<string, MatchProfile>>, ids: string[]): Promise<Map<string, MatchProfile>> {
    const [members, rows] = await Promise.all([previous, this.profilesReader.of(ids)]);
    const next = new Map(members);
    for (const row of rows) next.set(row.id, row);
    return next;
  }

  /** A failed load is not kept: the next caller tries again. */
  private keep<T>(loading: Promise<T>, forget: () => void): Promise<T> {
    loading.catch(forget);
    return loading;
  }
}
