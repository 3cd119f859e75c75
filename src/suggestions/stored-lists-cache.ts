import type { ScoredCandidate } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';
import { ListsInMemory } from './lists-in-memory';
import { countLists, type ListRow, listOfRow, readListsWrittenSince } from './suggestion-store';

/** Lists of one generation at one version of `suggestion_state`. */
interface KeptLists {
  generationId: number;
  version: string;
  lists: ListsInMemory;
}

/**
 * The current generation's stored lists, kept in this process's memory for incremental updates, so
 * that an update reads neither every list's bar nor the lists it touches from the database.
 *
 * Every transaction that rewrites the current generation's lists also updates the `suggestion_state`
 * row (the incremental update records when it applied a change, and a switch names the new
 * generation), so that row's version (`xmin`, new with each write) tells whether anyone wrote lists
 * since they were kept here. When another worker process did, only the rows it wrote are read again.
 */
export class StoredListsCache {
  private kept?: KeptLists;
  private loading?: Promise<void>;
  private lastLoadStarted = 0;

  constructor(private readonly reloadEveryMs = 5000) {}

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
    kept.lists.replace(await readListsWrittenSince(manager, generationId, kept.version));
    if (kept.lists.size !== (await countLists(manager, generationId))) return undefined;
    this.kept = { generationId, version, lists: kept.lists };
    return kept.lists;
  }

  /** Records lists written by this process's own transaction, which left `suggestion_state` at `version`. */
  keep(generationId: number, version: string, lists: ListsInMemory): void {
    this.kept = { generationId, version, lists };
  }

  /** Loads every list of the current generation in the background, unless a load started moments ago. */
  reloadSoon(manager: EntityManager): void {
    if (Date.now() - this.lastLoadStarted >= this.reloadEveryMs) void this.reload(manager);
  }

  /** Loads every list of the current generation in the background (once at a time); callers need not wait. */
  reload(manager: EntityManager): Promise<void> {
    if (this.loading) return this.loading;
    this.lastLoadStarted = Date.now();
    const keptBefore = this.kept;
    this.loading = readCurrentLists(manager)
      .then((loaded) => {
        // A write of this process kept meanwhile is newer than what was read.
        if (loaded && this.kept === keptBefore) this.kept = loaded;
      })
      .catch(() => undefined) // the next miss tries again
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}

/** The current generation's lists with the state row's version, in one statement and so one snapshot. */
async function readCurrentLists(manager: EntityManager): Promise<KeptLists | undefined> {
  const rows: Array<{ version: string; generation_id: number | null } & (ListRow | { member_id: null })> = await manager.query(
    `SELECT s.xmin::text AS version, s.current_generation_id AS generation_id, l.member_id, l.candidate_ids, l.scores
     FROM suggestion_state s LEFT JOIN suggestion_lists l ON l.generation_id = s.current_generation_id
     WHERE s.id = 1`,
  );
  if (rows.length === 0 || rows[0].generation_id === null) return undefined;
  const lists: Array<[string, ScoredCandidate[]]> = [];
  for (const row of rows) if (row.member_id !== null) lists.push([row.member_id, listOfRow(row)]);
  return { generationId: rows[0].generation_id, version: rows[0].version, lists: new ListsInMemory(lists) };
}
