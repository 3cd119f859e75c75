import { affectedBy, listsTouchedBy, type ScoredCandidate } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActiveProfilesCache } from './member-profiles';
import { componentsFrom } from './stored-components';
import { StoredListsCache } from './stored-lists-cache';
import {
  buildingGeneration,
  currentGeneration,
  readListBars,
  readListsOf,
  replaceLists,
  SUGGESTIONS_LOCK,
  returnedRows,
  stateVersion,
  SUGGESTIONS_LOCK_KEY,
} from './suggestion-store';

/**
 * Brings the current generation up to date after one member changed: its own list, and the lists
 * of the others it enters, leaves or moves in, exactly as a full recompute would have them.
 */
@Injectable()
export class IncrementalUpdateService {
  /** Jobs run one at a time under the lock, so they can share the members kept in memory. */
  private readonly profiles = new ActiveProfilesCache();
  private readonly componentsOf = componentsFrom((id) => this.profiles.profile(id));
  private readonly lists = new StoredListsCache();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async applyMemberChange(memberId: string): Promise<{ listsChanged: number }> {
    const applied = await this.dataSource.transaction(async (manager) => {
      await manager.query(SUGGESTIONS_LOCK, [SUGGESTIONS_LOCK_KEY]);
      const building = await buildingGeneration(manager);
      if (building) {
        await manager.query('INSERT INTO suggestion_rechecks (generation_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          building.id,
          memberId,
        ]);
      }
      const generation = await currentGeneration(manager);
      if (!generation) return undefined; // the first full recompute will include the change

      const kept = await this.lists.listsAt(manager, generation.id, await stateVersion(manager));
      await this.profiles.refresh(manager);
      // Only the lists that hold the member or that it now enters can change: read just those. Without
      // the lists in memory, the database reads every list's bar while this thread prepares the members.
      const bars = kept ? Promise.resolve(kept.barsFor(memberId)) : readListBars(manager, generation.id, memberId);
      bars.catch(() => undefined); // awaited below; not unhandled if preparing throws first
      if (!kept) await new Promise((sent) => setImmediate(sent)); // the query reaches the database before this thread is busy
      const prepared = this.profiles.preparedNow();
      const options = { k: generation.k, weights: generation.weights };
      const touched = listsTouchedBy(memberId, prepared, await bars, options);
      const stored = kept ? kept.listsOf(touched) : await readListsOf(manager, generation.id, touched);
      const update = affectedBy(memberId, prepared, stored, { ...options, members: touched });

      const lists = new Map<string, ScoredCandidate[]>([[memberId, update.suggestions ?? []]]);
      for (const change of update.changes) lists.set(change.memberId, change.suggestions);
      await replaceLists(manager, generation.id, lists, this.componentsOf);
      const [{ version }] = returnedRows<{ version: string }>(
        await manager.query('UPDATE suggestion_state SET last_change_applied_at = now() WHERE id = 1 RETURNING xmin::text AS version'),
      );
      return { generationId: generation.id, version, kept, lists };
    });
    if (!applied) return { listsChanged: 0 };
    // Committed: the lists in memory follow (a rolled back write must not reach them).
    const { generationId, version, kept, lists } = applied;
    if (kept) {
      kept.replace(lists);
      this.lists.keep(generationId, version, kept);
    } else this.lists.reloadSoon(this.dataSource.manager);
    return { listsChanged: lists.size };
  }
}
