import type { ScoredCandidate } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';
import { ListsInMemory } from './lists-in-memory';

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
 * since they were kept here. When another worker process did, the caller reads from the database,
 * and a fresh copy is loaded in the background, at most once every few seconds.
 */
export class StoredListsCache {
  private kept?: KeptLists;
  private loading?: Promise<void>;
  private lastLoadStarted = 0;

  constructor(private readonly reloadEveryMs = 5000) {}

  /** The kept lists if they are still those of `generationId` at `version`, else undefined. */
  listsAt(generationId: number, version: string): ListsInMemory | undefined {
    const kept = this.kept;
    return kept && kept.generationId === generationId && kept.version === version ? kept.lists : undefined;
  }

  /** Records lists written by this process's own transaction, which left `suggestion_state` at `version`. */
  keep(generationId: number, version: string, lists: ListsInMemory): void {
    this.kept = { generationId, version, lists };
  }

  /** Loads every list of the current generation in the background, unless a load started moments ago. */
  reloadSoon(manager: EntityManager): void {
    if (Date.now() - this.lastLoadStarted >= this.reloadEveryMs) this.reload(manager);
  }

  /** Loads every list of the current generation in the background (once at a time). */
  reload(manager: EntityManager): void {
    if (this.loading) return;
    this.lastLoadStarted = Date.now();
    const keptBefore = this.kept;
    this.loading = readCurrentLists(manager)
      .then((loaded) => {
        // A write of this process kept meanwhile is newer than what was read.
        if (loaded && this.kept === keptBefore) this.kept = loaded;
      })
      .catch(() => undefined) // the next miss tries again
      .finally(() => (this.loading = undefined));
  }
}

/** The current generation's lists with the state row's version, in one statement and so one snapshot. */
async function readCurrentLists(manager: EntityManager): Promise<KeptLists | undefined> {
  const rows: Array<{ version: string; generation_id: number | null; member_id: string | null; candidate_ids: string[] | null; scores: number[] | null }> =
    await manager.query(
      `SELECT s.xmin::text AS version, s.current_generation_id AS generation_id, l.member_id, l.candidate_ids, l.scores
       FROM suggestion_state s LEFT JOIN suggestion_lists l ON l.generation_id = s.current_generation_id
       WHERE s.id = 1`,
    );
  if (rows.length === 0 || rows[0].generation_id === null) return undefined;
  const lists: Array<[string, ScoredCandidate[]]> = [];
  for (const row of rows) {
    if (row.member_id === null) continue;
    lists.push([row.member_id, row.candidate_ids!.map((id, at) => ({ id, score: Number(row.scores![at]) }))]);
  }
  return { generationId: rows[0].generation_id, version: rows[0].version, lists: new ListsInMemory(lists) };
}
