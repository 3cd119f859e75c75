import type { Pool, PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import * as matching from '../../../libs/matching/src';
import { loadActiveProfiles, loadProfile } from '../../../src/suggestions/member-profiles';
import { currentGeneration, readLists, replaceLists } from '../../../src/suggestions/suggestion-store';
import { seededRandom, timeMs } from './stats';

export type Steps = Array<[string, number]>;

/** As FullRecomputeService.computeShard writes a shard's lists (there, each slice is its own transaction). */
const WRITE_SLICE_MEMBERS = 100;

/** As SuggestionsService.profilesOf selects them. */
const PROFILE_COLUMNS = 'id, name, country, subregion, population, lat, lon, languages, status, needs, offers, partners, dismissed';

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
      const current = await currentGeneration(manager);
      if (!current) throw new Error('no current generation');
      const [loadMs, profiles] = await timeMs(() => loadActiveProfiles(manager));
      steps.push([`load ${profiles.length.toLocaleString('en')} members`, loadMs]);
      const [snapshotMs, [{ id }]] = await timeMs(() =>
        manager.query(
          `INSERT INTO suggestion_generations (state, reason, weights, k, member_count, shards_total, snapshot)
           VALUES ('building', 'breakdown', $1, $2, $3, 1, $4) RETURNING id`,
          [JSON.stringify(current.weights), current.k, profiles.length, JSON.stringify(profiles)],
        ),
      );
      steps.push(['write snapshot (jsonb)', snapshotMs]);
      const [readMs, [row]] = await timeMs(() => manager.query('SELECT snapshot, weights, k FROM suggestion_generations WHERE id = $1', [id]));
      steps.push(['shard: read snapshot', readMs]);
      const [prepareMs, prepared] = await timeMs(() => matching.prepareDataset(row.snapshot));
      steps.push(['shard: prepare dataset', prepareMs]);
      const range: [number, number] = [0, Math.min(shardSize, prepared.size)];
      const options = { k: row.k, weights: row.weights, sourceRange: range };
      const [threadedMs, lists] = await timeMs(() => matching.computeTopK(prepared, options));
      steps.push([`shard: top-${row.k} kernel, ${range[1].toLocaleString('en')} sources (as the job runs it)`, threadedMs]);
      const [syncMs] = await timeMs(() => matching.computeTopKSync(prepared, options));
      steps.push(['(same kernel on 1 thread, for comparison)', syncMs]);
      const byId = new Map<string, matching.MatchProfile>(row.snapshot.map((profile: matching.MatchProfile) => [profile.id, profile]));
      const shardLists = new Map<string, matching.ScoredCandidate[]>();
      for (let slot = 0; slot < lists.size; slot++) shardLists.set(lists.memberId(slot), lists.suggestions(slot));
      const [componentsMs, rows] = await timeMs(() => {
        let count = 0;
        for (const [memberId, list] of shardLists) {
          for (const candidate of list) count += matching.pairComponents(byId.get(memberId)!, byId.get(candidate.id)!) ? 1 : 0;
        }
        return count;
      });
      steps.push([`shard: components of ${rows.toLocaleString('en')} rows (pairComponents)`, componentsMs]);
      const [replaceMs] = await timeMs(async () => {
        const entries = [...shardLists];
        for (let from = 0; from < entries.length; from += WRITE_SLICE_MEMBERS) {
          await replaceLists(manager, id, new Map(entries.slice(from, from + WRITE_SLICE_MEMBERS)), byId);
        }
      });
      steps.push([`shard: row writes (DELETE + INSERT … unnest, ${WRITE_SLICE_MEMBERS} members at a time)`, replaceMs - componentsMs]);
      const [{ id: copyId }] = await manager.query(
        `INSERT INTO suggestion_generations (state, reason, weights, k, member_count, shards_total)
         VALUES ('building', 'breakdown', '{}', 50, 0, 1) RETURNING id`,
      );
      const [serverSideMs] = await timeMs(() =>
        manager.query(
          `INSERT INTO suggestions SELECT $2, member_id, rank, candidate_id, score, thematic, thematic_back, shared, shared_back, population, geo, language
           FROM suggestions WHERE generation_id = $1`,
          [id, copyId],
        ),
      );
      steps.push(['(the same rows inserted by INSERT … SELECT inside PostgreSQL, for comparison)', serverSideMs]);
    });
  }

  /** IncrementalUpdateService.applyMemberChange for one member, step by step. */
  incremental(memberId: string): Promise<Steps> {
    return this.rolledBack(async (manager, steps) => {
      const generation = (await currentGeneration(manager))!;
      const [loadMs, profiles] = await timeMs(() => loadActiveProfiles(manager));
      steps.push(['load members', loadMs]);
      const [prepareMs, prepared] = await timeMs(() => matching.prepareDataset(profiles));
      steps.push(['prepare dataset', prepareMs]);
      const [readMs, stored] = await timeMs(() => readLists(manager, generation.id));
      const rows = [...stored.values()].reduce((total, list) => total + list.length, 0);
      steps.push([`read every stored list (${rows.toLocaleString('en')} rows)`, readMs]);
      const options = { k: generation.k, weights: generation.weights };
      const [affectedMs, update] = await timeMs(() => matching.affectedBy(memberId, prepared, stored, options));
      steps.push(['affectedBy (own list + lists it enters or leaves)', affectedMs]);
      const lists = new Map([[memberId, update.suggestions ?? []]]);
      for (const change of update.changes) lists.set(change.memberId, change.suggestions);
      const byId = new Map(profiles.map((profile) => [profile.id, profile]));
      const [writeMs] = await timeMs(() => replaceLists(manager, generation.id, lists, byId));
      steps.push([`write ${lists.size} list(s)`, writeMs]);
    });
  }

  /** The queries of one GET …/suggestions, averaged over `n` random members; and the filtered path once. */
  async read(ids: string[], n = 200): Promise<Steps> {
    const manager = this.managerOf(this.db);
    const random = seededRandom(11);
    const totals = [0, 0, 0, 0];
    const generation = (await currentGeneration(manager))!;
    for (let i = 0; i < n; i++) {
      const id = ids[Math.floor(random() * ids.length)];
      const times = [
        (await timeMs(() => loadProfile(manager, id)))[0],
        (await timeMs(() => currentGeneration(manager)))[0],
      ];
      const [listMs, ranked] = await timeMs(() =>
        manager.query('SELECT candidate_id AS id, score FROM suggestions WHERE generation_id = $1 AND member_id = $2 ORDER BY rank LIMIT 20', [generation.id, id]),
      );
      times.push(listMs);
      times.push((await timeMs(() => manager.query(`SELECT ${PROFILE_COLUMNS} FROM members WHERE id = ANY($1)`, [ranked.map((r: { id: string }) => r.id)])))[0]);
      times.forEach((ms, index) => (totals[index] += ms));
    }
    const member = (await loadProfile(manager, ids[0]))!;
    const [loadMs, all] = await timeMs(() => loadActiveProfiles(manager));
    const [rankMs] = await timeMs(() => matching.rankCandidates(member, all, { k: 20, weights: generation.weights, filter: { theme: 'climate-change' } }));
    return [
      ['unfiltered: member (loadProfile)', totals[0] / n],
      ['unfiltered: current generation', totals[1] / n],
      ['unfiltered: stored list (20 rows)', totals[2] / n],
      ['unfiltered: candidate profiles (ANY of 20 ids)', totals[3] / n],
      ['theme filter: load every active member', loadMs],
      ['theme filter: rankCandidates over them', rankMs],
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
