import { prepareDataset, type PreparedDataset, type ScoredCandidate, type Weights } from '@citymatch/matching';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { recordJob, recordMemberChange, JobQueue } from '../../jobs';
import type { ComponentsOf } from '../storage/list-encoding';
import { SuggestionsRepository } from '../storage/suggestions.repository';
import { componentsFrom } from './components-from-profiles';
import { MatchingThreads } from './matching-threads';

/** Lists one write transaction stores (one row each, about 1 KB with K = 50). */
const WRITE_SLICE_MEMBERS = 2000;

interface GenerationDataset {
  prepared: PreparedDataset;
  componentsOf: ComponentsOf;
  weights: Weights;
  k: number;
}

/**
 * A full recompute writes a new generation beside the current one: a snapshot of the members, one
 * shard job per range of source members (any worker may take each), then a switch that makes the
 * whole generation visible at once.
 */
@Injectable()
export class FullRecomputeService {
  private readonly logger = new Logger(FullRecomputeService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SuggestionsRepository,
    private readonly queue: JobQueue,
    private readonly threads: MatchingThreads,
  ) {}

  /** The building generation's snapshot, read and prepared once per process rather than once per shard. */
  private dataset?: { generationId: number; loading: Promise<GenerationDataset | undefined> };

  /** Snapshots the members into a new building generation and fans out its shards. */
  async start(reason: string): Promise<number> {
    const { generationId, shards, retired } = await this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      await repository.lock();
      await repository.failBuildingGenerations('superseded by a newer recompute');
      // Also those a stopped process left failed or unfinished: their rows would otherwise stay for good.
      const retired = await repository.deleteRetiredGenerations();
      const weights = await repository.weights();
      const shardSize = this.config.suggestions.shardSize;
      const { id, memberCount } = await repository.insertBuildingGeneration({ reason, weights, k: this.config.suggestions.k, shardSize });
      const shards: Array<[number, number]> = [];
      for (let start = 0; start < memberCount; start += shardSize) shards.push([start, Math.min(memberCount, start + shardSize)]);
      return { generationId: id, shards, retired };
    });
    if (retired.length > 0) await this.repository.vacuum();
    await this.queue.enqueueFlow(
      { name: 'suggestions.finish', payload: { generationId } },
      shards.map(([start, end]) => ({ name: 'suggestions.shard', payload: { generationId, start, end } })),
    );
    this.logger.log(`generation ${generationId} started (${reason}): ${shards.length} shard(s)`);
    return generationId;
  }

  /** Computes and stores one shard's lists; running it again replaces what it stored before. */
  async computeShard(generationId: number, start: number, end: number): Promise<void> {
    const dataset = (await this.repository.isBuilding(generationId)) && (await this.generationDataset(generationId));
    if (!dataset) return; // superseded or already switched: nothing to do
    const lists = await this.threads.topK(dataset.prepared, { k: dataset.k, weights: dataset.weights, sourceRange: [start, end] });
    // Each slice is its own transaction: the generation is invisible until the switch, and short
    // transactions let other requests through (the embedded database has a single connection).
    for (let from = 0; from < lists.size; from += WRITE_SLICE_MEMBERS) {
      const slice = new Map<string, ScoredCandidate[]>();
      for (let slot = from; slot < Math.min(lists.size, from + WRITE_SLICE_MEMBERS); slot++) {
        slice.set(lists.memberId(slot), lists.suggestions(slot));
      }
      await this.dataSource.transaction((manager) =>
        this.repository.within(manager).replaceLists(generationId, slice, dataset.componentsOf),
      );
    }
    await this.repository.markShardDone(generationId, start);
  }

  private generationDataset(generationId: number): Promise<GenerationDataset | undefined> {
    if (this.dataset?.generationId !== generationId) {
      const loading = this.loadGenerationDataset(generationId);
      this.dataset = { generationId, loading };
      // A failed read is not kept: the retried shard reads again.
      loading.then(
        (found) => !found && this.forget(generationId),
        () => this.forget(generationId),
      );
    }
    return this.dataset.loading;
  }

  private forget(generationId: number): void {
    if (this.dataset?.generationId === generationId) this.dataset = undefined;
  }

  private async loadGenerationDataset(generationId: number): Promise<GenerationDataset | undefined> {
    const row = await this.repository.buildingSnapshot(generationId);
    if (!row) return undefined;
    const profiles = new Map(row.snapshot.map((profile) => [profile.id, profile]));
    return {
      prepared: prepareDataset(profiles.values()),
      componentsOf: componentsFrom((id) => profiles.get(id)),
      weights: row.weights,
      k: row.k,
    };
  }

  /**
   * Switches readers to the generation once every shard is stored. Members whose incremental
   * updates went to the old generation while this one was built are rechecked against it.
   */
  async finish(generationId: number): Promise<void> {
    const switched = await this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      await repository.lock();
      const generation = await repository.generationById(generationId);
      if (!generation || generation.state !== 'building') return false;
      if (generation.shardsDone < generation.shardsTotal) {
        throw new Error(`generation ${generationId}: ${generation.shardsDone} of ${generation.shardsTotal} shards stored`);
      }
      const { rechecks } = await repository.switchTo(generationId);
      for (const memberId of rechecks) await recordMemberChange(manager, memberId);
      // The default lists follow the new generation without waiting for the schedule.
      if (this.config.suggestions.balancedLists)
        await recordJob(manager, 'suggestions.balance', {}, { coalesceKey: 'suggestions-balance' });
      return true;
    });
    this.forget(generationId);
    if (!switched) return;
    await this.repository.deleteRetiredGenerations();
    // The next generation then reuses the pages freed here instead of growing the tables.
    await this.repository.vacuum();
    if (this.config.database.kind === 'embedded') await this.repository.checkpoint();
    this.logger.log(`generation ${generationId} is now current`);
  }
}
