import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import * as matching from '../../../libs/matching/src';
import { MemberProfilesReader } from '../../../src/members';
import { componentsFrom } from '../../../src/suggestions/pipeline/components-from-profiles';
import { ListsInMemory } from '../../../src/suggestions/pipeline/lists-in-memory';
import { MatchingThreads } from '../../../src/suggestions/pipeline/matching-threads';
import { PipelineCache } from '../../../src/suggestions/pipeline/pipeline-cache';
import { SuggestionsRepository } from '../../../src/suggestions/storage/suggestions.repository';
import { seededRandom, timeMs } from './stats';

export type Steps = Array<[string, number]>;

/** The app's repositories over the benchmark's own connection. */
function repositories(manager: EntityManager) {
  const source = { manager } as DataSource;
  return { suggestions: new SuggestionsRepository(source), profiles: new MemberProfilesReader(source) };
}

/**
 * The steps the services take, run one by one with the app's own functions against the benchmark's
 * database, each timed. It runs in a child process started like the app (see breakdown-child.ts), so
 * matching threads start as they do in the workers. Writes happen inside a transaction that is
 * rolled back: the stored suggestions are left as they were.
 */
export class Breakdown {
  constructor(private readonly db: Pool) {}

  /** FullRecomputeService.start and one computeShard of `shardSize` source members. */
  shard(shardSize: number): Promise<Steps> {
    return this.rolledBack(async (manager, steps) => {
      const { suggestions } = repositories(manager);
      const current = await suggestions.currentGeneration();
      if (!current) throw new Error('no current generation');
      const [snapshotMs, { id, memberCount }] = await timeMs(() =>
        suggestions.insertBuildingGeneration({ reason: 'breakdown', weights: current.weights, k: current.k, shardSize }),
      );
      steps.push([`snapshot ${memberCount.toLocaleString('en')} members (one INSERT … SELECT json_agg)`, snapshotMs]);
      const [readMs, row] = await timeMs(async () => (await suggestions.buildingSnapshot(id))!);
      steps.push(['shard: read snapshot', readMs]);
      const [prepareMs, prepared] = await timeMs(() => matching.prepareDataset(row.snapshot));
      steps.push(['shard: prepare dataset', prepareMs]);
      const range: [number, number] = [0, Math.min(shardSize, prepared.size)];
      const options = { k: row.k, weights: row.weights, sourceRange: range };
      const threads = new MatchingThreads();
      await threads.topK(prepared, options); // starts the pool, as the process's first shard does
      const [threadedMs, lists] = await timeMs(() => threads.topK(prepared, options));
      await threads.onApplicationShutdown();
      steps.push([
        `shard: top-${row.k} kernel, ${range[1].toLocaleString('en')} sources (as the job runs it: the process's thread pool, started before)`,
        threadedMs,
      ]);
      const [syncMs] = await timeMs(() => matching.computeTopKSync(prepared, options));
      steps.push(['(same kernel on 1 thread, for comparison)', syncMs]);
      const shardLists = new Map<string, matching.ScoredCandidate[]>();
      for (let slot = 0; slot < lists.size; slot++) shardLists.set(lists.memberId(slot), lists.suggestions(slot));
      const rows = [...shardLists.values()].reduce((total, list) => total + list.length, 0);
      const byId = new Map(row.snapshot.map((profile) => [profile.id, profile]));
      const [replaceMs] = await timeMs(() =>
        suggestions.replaceLists(
          id,
          shardLists,
          componentsFrom((memberId) => byId.get(memberId)),
        ),
      );
      steps.push([
        `shard: write ${shardLists.size.toLocaleString('en')} lists, ${rows.toLocaleString('en')} suggestions with their components (one row per list)`,
        replaceMs,
      ]);
    });
  }

  /** IncrementalUpdateService.applyMemberChange for one member, step by step. */
  incremental(memberId: string): Promise<Steps> {
    return this.rolledBack(async (manager, steps) => {
      const { suggestions, profiles } = repositories(manager);
      const generation = (await suggestions.currentGeneration())!;
      const cache = new PipelineCache(suggestions, profiles);
      const [loadMs] = await timeMs(() => cache.currentMembers(manager));
      steps.push(['load and prepare every member (once per worker process)', loadMs]);
      const [otherId] = (await manager.query(`SELECT id FROM members WHERE status = 'active' AND id <> $1 LIMIT 1`, [memberId])).map(
        (r: { id: string }) => r.id,
      );
      await manager.query('UPDATE members SET population = population + 1 WHERE id = $1', [otherId]);
      const [prepareMs, prepared] = await timeMs(() => cache.currentMembers(manager));
      steps.push(['members: re-read the one changed row and patch it into the prepared members', prepareMs]);
      const options = { k: generation.k, weights: generation.weights };
      const [listsMs, inMemory] = await timeMs(async () => new ListsInMemory(await suggestions.readLists(generation.id)));
      steps.push(['read every list into memory (once per worker process and generation, in the background)', listsMs]);
      const [barsMs, bars] = await timeMs(() => inMemory.barsFor(memberId));
      steps.push([`every list's length and last entry, from memory (${bars.size.toLocaleString('en')} lists)`, barsMs]);
      const [queryMs] = await timeMs(() => suggestions.readListBars(generation.id, memberId));
      steps.push(['(the same read from the database, as without the lists in memory)', queryMs]);
      const [touchedMs, touched] = await timeMs(() => matching.listsTouchedBy(memberId, prepared, bars, options));
      steps.push([`listsTouchedBy (${touched.length} lists hold the member or may take it)`, touchedMs]);
      const [readMs, stored] = await timeMs(() => inMemory.listsOf(touched));
      steps.push([`those ${stored.size} lists, from memory`, readMs]);
      const [affectedMs, update] = await timeMs(() => matching.affectedBy(memberId, prepared, stored, { ...options, members: touched }));
      steps.push(['affectedBy (own list + lists it enters or leaves)', affectedMs]);
      const lists = new Map([[memberId, update.suggestions ?? []]]);
      for (const change of update.changes) lists.set(change.memberId, change.suggestions);
      const [writeMs] = await timeMs(() =>
        suggestions.replaceLists(
          generation.id,
          lists,
          componentsFrom((id) => cache.profile(id)),
        ),
      );
      steps.push([`write ${lists.size} list(s)`, writeMs]);
    });
  }

  /**
   * What the API's read model loads, and when: every list of the current generation (after a switch),
   * every member's profile and the prepared dataset; one member's list alone, averaged over `n` random
   * members; and the filtered ranking itself, per request.
   */
  async read(ids: string[], n = 200): Promise<Steps> {
    const { suggestions, profiles } = repositories(this.managerOf(this.db));
    const random = seededRandom(11);
    let listTotal = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[Math.floor(random() * ids.length)];
      listTotal += (await timeMs(() => suggestions.currentLists([id])))[0];
    }
    const [allListsMs, all] = await timeMs(() => suggestions.currentLists(null));
    const [loadMs, members] = await timeMs(() => profiles.all());
    const [prepareMs, prepared] = await timeMs(() => matching.prepareDataset(members.values()));
    const generation = (await suggestions.currentGeneration())!;
    const rank = (id: string) =>
      matching.rankPrepared(prepared, id, (other) => members.get(other), {
        k: 20,
        weights: generation.weights,
        filter: { theme: 'climate-change' },
      });
    for (let i = 0; i < 50; i++) rank(ids[i]); // warm, as a running API is
    let rankTotal = 0;
    for (let i = 0; i < n; i++) rankTotal += (await timeMs(async () => rank(ids[Math.floor(random() * ids.length)])))[0];
    return [
      [`after a generation switch: read every list of it (${all.lists.size.toLocaleString('en')} rows)`, allListsMs],
      ["(one member's list with its generation, one query, for comparison)", listTotal / n],
      ['after a member change: read every member again', loadMs],
      ['after a member change: prepare them for the kernel', prepareMs],
      ['theme filter: rankPrepared on the prepared members (per request)', rankTotal / n],
    ];
  }

  private async rolledBack(work: (manager: EntityManager, steps: Steps) => Promise<void>): Promise<Steps> {
    const client = await this.db.connect();
    const steps: Steps = [];
    try {
      await client.query('BEGIN');
      await work(this.managerOf(client), steps);
      return steps;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  /** The only EntityManager method these functions call is query(), answered with the rows. */
  private managerOf(client: Pick<PoolClient, 'query'>): EntityManager {
    return { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as EntityManager;
  }
}
