import { affectedBy, listsTouchedBy, type ScoredCandidate } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActiveProfilesCache } from './member-profiles';
import { componentsFrom } from './stored-components';
import {
  buildingGeneration,
  currentGeneration,
  readListBars,
  readListsOf,
  replaceLists,
  SUGGESTIONS_LOCK,
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async applyMemberChange(memberId: string): Promise<{ listsChanged: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(SUGGESTIONS_LOCK, [SUGGESTIONS_LOCK_KEY]);
      const building = await buildingGeneration(manager);
      if (building) {
        await manager.query(
          'INSERT INTO suggestion_rechecks (generation_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [building.id, memberId],
        );
      }
      const generation = await currentGeneration(manager);
      if (!generation) return { listsChanged: 0 }; // the first full recompute will include the change

      await this.profiles.refresh(manager);
      // Only the lists that hold the member or that it now enters can change: read just those. The
      // database reads every list's bar while this thread prepares the members.
      const bars = readListBars(manager, generation.id, memberId);
      bars.catch(() => undefined); // awaited below; not unhandled if preparing throws first
      await new Promise((sent) => setImmediate(sent)); // the query reaches the database before this thread is busy
      const prepared = this.profiles.preparedNow();
      const options = { k: generation.k, weights: generation.weights };
      const touched = listsTouchedBy(memberId, prepared, await bars, options);
      const stored = await readListsOf(manager, generation.id, touched);
      const update = affectedBy(memberId, prepared, stored, { ...options, members: touched });

      const lists = new Map<string, ScoredCandidate[]>([[memberId, update.suggestions ?? []]]);
      for (const change of update.changes) lists.set(change.memberId, change.suggestions);
      await replaceLists(manager, generation.id, lists, this.componentsOf);
      await manager.query('UPDATE suggestion_state SET last_change_applied_at = now() WHERE id = 1');
      return { listsChanged: lists.size };
    });
  }
}
