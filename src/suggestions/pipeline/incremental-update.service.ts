import { affectedBy, listsTouchedBy, type ScoredCandidate } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MemberProfilesReader } from '../../members';
import { SuggestionsRepository } from '../storage/suggestions.repository';
import { componentsFrom } from './components-from-profiles';
import { PipelineCache } from './pipeline-cache';

/**
 * Brings the current generation up to date after one member changed: its own list, and the lists
 * of the others it enters, leaves or moves in, exactly as a full recompute would have them.
 */
@Injectable()
export class IncrementalUpdateService {
  /** Jobs run one at a time under the lock, so they can share what is kept in memory. */
  private readonly cache: PipelineCache;
  private readonly componentsOf = componentsFrom((id) => this.cache.profile(id));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SuggestionsRepository,
    profiles: MemberProfilesReader,
  ) {
    this.cache = new PipelineCache(repository, profiles);
  }

  async applyMemberChange(memberId: string): Promise<{ listsChanged: number }> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      await repository.lock();
      const building = await repository.buildingGeneration();
      if (building) await repository.addRecheck(building.id, memberId);
      const generation = await repository.currentGeneration();
      if (!generation) return undefined; // the first full recompute will include the change

      const kept = await this.cache.listsAt(manager, generation.id, await repository.stateVersion());
      await this.cache.refreshMembers(manager);
      // Only the lists that hold the member or that it now enters can change: read just those. Without
      // the lists in memory, the database reads every list's bar while this thread prepares the members.
      const bars = kept ? Promise.resolve(kept.barsFor(memberId)) : repository.readListBars(generation.id, memberId);
      bars.catch(() => undefined); // awaited below; not unhandled if preparing throws first
      if (!kept) await new Promise((sent) => setImmediate(sent)); // the query reaches the database before this thread is busy
      const prepared = this.cache.preparedNow();
      const options = { k: generation.k, weights: generation.weights };
      const touched = listsTouchedBy(memberId, prepared, await bars, options);
      const stored = kept ? kept.listsOf(touched) : await repository.readListsOf(generation.id, touched);
      const update = affectedBy(memberId, prepared, stored, { ...options, members: touched });

      const lists = new Map<string, ScoredCandidate[]>([[memberId, update.suggestions ?? []]]);
      for (const change of update.changes) lists.set(change.memberId, change.suggestions);
      await repository.replaceLists(generation.id, lists, this.componentsOf);
      const version = await repository.markChangeApplied();
      return { generationId: generation.id, version, kept, lists };
    });
    if (!applied) return { listsChanged: 0 };
    // Committed: the lists in memory follow (a rolled back write must not reach them).
    const { generationId, version, kept, lists } = applied;
    if (kept) {
      kept.replace(lists);
      this.cache.keepLists(generationId, version, kept);
    } else this.cache.reloadListsSoon();
    return { listsChanged: lists.size };
  }
}
