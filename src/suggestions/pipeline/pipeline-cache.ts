import { prepareDataset, replaceMember, type MatchProfile, type PreparedDataset } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';
import type { MemberProfilesReader } from '../../members';
import type { SuggestionsRepository } from '../storage/suggestions.repository';
import { ListsInMemory } from './lists-in-memory';

/** Above this many changed members since the last call, preparing them all is as quick as patching. */
const MAX_REPLACED = 32;

/**
 * What a worker keeps in memory between incremental updates, so that an update reads neither every
 * member nor every list: the active members prepared for the kernel, and the current generation's
 * stored lists. Both are kept current by row versions (`xmin`, new with every write to a row):
 * - members: each call reads every active member's version and loads again just the rows that
 *   changed, patching them into the prepared dataset (replaceMember) when that is possible;
 * - lists: every transaction that rewrites the current generation's lists also writes the
 *   `suggestion_state` row, so its version tells whether anyone wrote lists since they were kept;
 *   when another worker did, only the rows it wrote are read again.
 * Jobs run one at a time under the suggestions lock, so the cache needs no locking of its own.
 */
export class PipelineCache {
  private rows = new Map<string, { version: string; profile: MatchProfile }>();
  private prepared?: PreparedDataset;
  /** Profiles changed since `prepared` was made, before and after; undefined when it must be made again. */
  private replaced?: Array<[MatchProfile, MatchProfile]> = [];
  private kept?: { generationId: number; version: string; lists: ListsInMemory };
  private loading?: Promise<void>;
  private lastLoadStarted = 0;

  constructor(
    private readonly suggestions: SuggestionsRepository,
    private readonly profiles: MemberProfilesReader,
    private readonly reloadEveryMs = 5000,
  ) {}

  /** The prepared active members as `manager` sees them now. */
  async currentMembers(manager: EntityManager): Promise<PreparedDataset> {
    await this.refreshMembers(manager);
    return this.preparedNow();
  }

  /** Reads the members that changed since the last call; preparedNow() then prepares them (CPU only). */
  async refreshMembers(manager: EntityManager): Promise<void> {
    const profiles = this.profiles.within(manager);
    const versions = await profiles.activeVersions();
    const stale = versions.filter(({ id, version }) => this.rows.get(id)?.version !== version);
    if (stale.length > 0) {
      for (const { version, ...profile } of await profiles.versionedOf(stale.map(({ id }) => id))) {
        const before = this.rows.get(profile.id)?.profile;
        if (before && this.replaced && this.replaced.length < MAX_REPLACED) this.replaced.push([before, profile]);
        else this.replaced = undefined; // a member joined, or too many changed
        this.rows.set(profile.id, { version, profile });
      }
    }
    if (versions.length !== this.rows.size) {
      this.replaced = undefined; // a member left
      const active = new Set(versions.map(({ id }) => id));
      for (const id of [...this.rows.keys()]) if (!active.has(id)) this.rows.delete(id);
    }
  }

  /** An active member as last read. */
  profile(id: string): MatchProfile | undefined {
    return this.rows.get(id)?.profile;
  }

  preparedNow(): PreparedDataset {
    let prepared = this.replaced ? this.prepared : undefined;
    for (const [before, after] of this.replaced ?? []) prepared = prepared && replaceMember(prepared, before, after);
    this.replaced = [];
    if (prepared) return (this.prepared = prepared);
    prepared = prepareDataset([...this.rows.values()].map((row) => row.profile));
    // Kept in the kernel's order (what members offer, then id), which a change rarely disturbs: the
    // kernel's sort of the next call then finds its input almost sorted.
    const rows = new Map(prepared.ids.map((id) => [id, this.rows.get(id)!]));
    for (const [id, row] of this.rows) if (!rows.has(id)) rows.set(id, row);
    this.rows = rows;
    return (this.prepared = prepared);
  }

  /**
   * The lists of `generationId` as they are at `version`, or undefined when they are not in memory.
   * Lists other processes wrote since they were kept are read again: the rows whose `xmin` is younger
   * than the kept version, since writers of lists take turns under the suggestions lock and so get
   * transaction ids in turn. A list they emptied was deleted, not written, and only the count of
   * lists shows it: then everything is loaded again, in the background. Call under the lock.
   */
  async listsAt(manager: EntityManager, generationId: number, version: string): Promise<ListsInMemory | undefined> {
    const kept = this.kept;
    if (!kept || kept.generationId !== generationId) return undefined;
    if (kept.version === version) return kept.lists;
    this.kept = undefined;
    const suggestions = this.suggestions.within(manager);
    kept.lists.replace(await suggestions.readListsWrittenSince(generationId, kept.version));
    if (kept.lists.size !== (await suggestions.countLists(generationId))) return undefined;
    this.kept = { generationId, version, lists: kept.lists };
    return kept.lists;
  }

  /** Records lists written by this process's own transaction, which left `suggestion_state` at `version`. */
  keepLists(generationId: number, version: string, lists: ListsInMemory): void {
    this.kept = { generationId, version, lists };
  }

  /** Loads every list of the current generation in the background, unless a load started moments ago. */
  reloadListsSoon(): void {
    if (Date.now() - this.lastLoadStarted >= this.reloadEveryMs) void this.reloadLists();
  }

  /** Loads every list of the current generation in the background (once at a time); callers need not wait. */
  reloadLists(): Promise<void> {
    if (this.loading) return this.loading;
    this.lastLoadStarted = Date.now();
    const keptBefore = this.kept;
    this.loading = this.suggestions
      .currentListsAndVersion()
      .then((loaded) => {
        // A write of this process kept meanwhile is newer than what was read.
        if (loaded && this.kept === keptBefore) {
          this.kept = { generationId: loaded.generationId, version: loaded.version, lists: new ListsInMemory(loaded.lists) };
        }
      })
      .catch(() => undefined) // the next miss tries again
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
