import { DEFAULT_WEIGHTS, type ListBar, type MatchProfile, type ScoredCandidate, type Weights } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returnedRows, SqlRepository } from '../../database/sql-repository';
import { PROFILE_COLUMNS, SUGGESTIBLE_MEMBERS } from '../../members';
import type { Generation, ListsSnapshot } from './generation';
import { type ComponentsOf, decodeComponents, encodeLists, type ListRow, listOfRow, listsOf, type StoredComponents } from './list-encoding';

const GENERATION_COLUMNS = `id, state, reason, weights, k, member_count AS "memberCount", shards_total AS "shardsTotal",
  cardinality(shards_done) AS "shardsDone", started_at AS "startedAt", finished_at AS "finishedAt", error`;
const LIST_COLUMNS = 'member_id, candidate_ids, scores';

/** All SQL on the suggestion tables (generations, lists, state, rechecks) and the matching settings. */
@Injectable()
export class SuggestionsRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource.manager);
  }

  /** Serialises everything that rewrites stored lists, across processes and machines, until the transaction ends. */
  async lock(): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['citymatch.suggestions']);
  }

  async weights(): Promise<Weights> {
    const [{ weights }] = await this.manager.query('SELECT weights FROM matching_settings WHERE id = 1');
    // A component added since the weights were stored counts at its default, as in the kernel.
    return { ...DEFAULT_WEIGHTS, ...weights };
  }

  async storeWeights(weights: Weights): Promise<void> {
    await this.manager.query('UPDATE matching_settings SET weights = $1, updated_at = now() WHERE id = 1', [JSON.stringify(weights)]);
  }

  async currentGeneration(): Promise<Generation | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${GENERATION_COLUMNS} FROM suggestion_generations
       WHERE id = (SELECT current_generation_id FROM suggestion_state WHERE id = 1)`,
    );
    return row;
  }

  async buildingGeneration(): Promise<Generation | undefined> {
    const [row] = await this.manager.query(
      `SELECT ${GENERATION_COLUMNS} FROM suggestion_generations WHERE state = 'building' ORDER BY id DESC LIMIT 1`,
    );
    return row;
  }

  async generationById(id: number): Promise<Generation | undefined> {
    const [row] = await this.manager.query(`SELECT ${GENERATION_COLUMNS} FROM suggestion_generations WHERE id = $1`, [id]);
    return row;
  }

  /**
   * The version of the `suggestion_state` row (its `xmin`), new with every transaction that writes it:
   * every rewrite of the current generation's lists writes it too (see PipelineCache).
   */
  async stateVersion(): Promise<string> {
    const [row] = await this.manager.query('SELECT xmin::text AS version FROM suggestion_state WHERE id = 1');
    return row.version;
  }

  /** Records that a change was applied; answers the state row's new version. */
  async markChangeApplied(): Promise<string> {
    const [{ version }] = returnedRows<{ version: string }>(
      await this.manager.query('UPDATE suggestion_state SET last_change_applied_at = now() WHERE id = 1 RETURNING xmin::text AS version'),
    );
    return version;
  }

  async failBuildingGenerations(error: string): Promise<void> {
    await this.manager.query(
      `UPDATE suggestion_generations SET state = 'failed', error = $1, finished_at = now(), snapshot = NULL WHERE state = 'building'`,
      [error],
    );
  }

  /**
   * A new building generation with its snapshot of the active members, built where the members are
   * (no round trip of every profile through this process), and its shard count.
   */
  async insertBuildingGeneration(params: { reason: string; weights: Weights; k: number; shardSize: number }) {
    const [{ id, member_count }] = await this.manager.query(
      `INSERT INTO suggestion_generations (state, reason, weights, k, member_count, shards_total, snapshot)
       SELECT 'building', $1, $2, $3, count(*), ceil(count(*) / $4::numeric), coalesce(json_agg(m ORDER BY m.id), '[]')
       FROM (SELECT ${PROFILE_COLUMNS} FROM members WHERE ${SUGGESTIBLE_MEMBERS}) AS m
       RETURNING id, member_count`,
      [params.reason, JSON.stringify(params.weights), params.k, params.shardSize],
    );
    return { id: id as number, memberCount: member_count as number };
  }

  /** A building generation's snapshot and settings; undefined once it is no longer building. */
  async buildingSnapshot(id: number): Promise<{ snapshot: MatchProfile[]; weights: Weights; k: number } | undefined> {
    const [row] = await this.manager.query(`SELECT snapshot, weights, k FROM suggestion_generations WHERE id = $1 AND state = 'building'`, [
      id,
    ]);
    return row;
  }

  async isBuilding(id: number): Promise<boolean> {
    const rows = await this.manager.query(`SELECT 1 FROM suggestion_generations WHERE id = $1 AND state = 'building'`, [id]);
    return rows.length > 0;
  }

  async markShardDone(id: number, start: number): Promise<void> {
    await this.manager.query(
      `UPDATE suggestion_generations SET shards_done = array_append(shards_done, $2) WHERE id = $1 AND NOT ($2 = ANY(shards_done))`,
      [id, start],
    );
  }

  /** Makes `id` the current generation; answers the generations it superseded and the members to recheck against it. */
  async switchTo(id: number): Promise<{ superseded: number[]; rechecks: string[] }> {
    const previous = returnedRows<{ id: number }>(
      await this.manager.query(`UPDATE suggestion_generations SET state = 'superseded' WHERE state = 'complete' RETURNING id`),
    );
    await this.manager.query(`UPDATE suggestion_generations SET state = 'complete', finished_at = now(), snapshot = NULL WHERE id = $1`, [
      id,
    ]);
    await this.manager.query('UPDATE suggestion_state SET current_generation_id = $1 WHERE id = 1', [id]);
    const rechecks = returnedRows<{ member_id: string }>(
      await this.manager.query('DELETE FROM suggestion_rechecks WHERE generation_id = $1 RETURNING member_id', [id]),
    );
    return { superseded: previous.map((row) => row.id), rechecks: rechecks.map((row) => row.member_id) };
  }

  /** Remembers to bring a member's list in the building generation up to date once it is current. */
  async addRecheck(generationId: number, memberId: string): Promise<void> {
    await this.manager.query('INSERT INTO suggestion_rechecks (generation_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      generationId,
      memberId,
    ]);
  }

  /**
   * Deletes the failed and superseded generations with their lists and rechecks (ON DELETE CASCADE):
   * what stays is the current generation and the one being built, if any. Answers the ids deleted.
   */
  async deleteRetiredGenerations(): Promise<number[]> {
    const deleted = returnedRows<{ id: number }>(
      await this.manager.query(`DELETE FROM suggestion_generations WHERE state IN ('failed', 'superseded') RETURNING id`),
    );
    return deleted.map((row) => row.id);
  }

  /**
   * Makes the space of deleted lists and cleared snapshots reusable by the next generation. Plain
   * VACUUM (never FULL): readers go on meanwhile. The embedded database has no autovacuum, so without
   * it every generation would take new pages. Not inside a transaction.
   */
  async vacuum(): Promise<void> {
    await this.manager.query('VACUUM suggestion_lists, suggestion_generations, suggestion_rechecks');
  }

  /**
   * Lets the WAL files written since the last checkpoint be recycled. PGlite runs no checkpointer,
   * so without this its WAL grows by every recompute until the process stops (embedded stack only).
   */
  async checkpoint(): Promise<void> {
    await this.manager.query('CHECKPOINT');
  }

  /** Rewrites the suggestion tables to their live rows, giving the space back; only while nothing else reads them. */
  async compact(): Promise<void> {
    await this.manager.query('VACUUM FULL suggestion_lists, suggestion_generations, suggestion_rechecks');
  }

  /** Every stored list of a generation, best first. */
  async readLists(generationId: number): Promise<Map<string, ScoredCandidate[]>> {
    return listsOf(await this.manager.query(`SELECT ${LIST_COLUMNS} FROM suggestion_lists WHERE generation_id = $1`, [generationId]));
  }

  /** The stored lists of the given members (members without one are absent). */
  async readListsOf(generationId: number, memberIds: readonly string[]): Promise<Map<string, ScoredCandidate[]>> {
    if (memberIds.length === 0) return new Map();
    const rows: ListRow[] = await this.manager.query(
      `SELECT ${LIST_COLUMNS} FROM suggestion_lists WHERE generation_id = $1 AND member_id = ANY($2)`,
      [generationId, memberIds],
    );
    return listsOf(rows);
  }

  /**
   * The lists of a generation written after the transaction `version` (an xid, as `xmin::text`) was:
   * valid while writers of lists take turns under the lock, so that their ids follow one another.
   */
  async readListsWrittenSince(generationId: number, version: string): Promise<Map<string, ScoredCandidate[]>> {
    const rows: ListRow[] = await this.manager.query(
      `SELECT ${LIST_COLUMNS} FROM suggestion_lists WHERE generation_id = $1 AND age(xmin) < age($2::xid)`,
      [generationId, version],
    );
    return listsOf(rows);
  }

  /**
   * What an incremental update needs to know of every stored list without reading it: its length, its
   * last (k-th) entry, and whether it holds the changed member. Members without a list are absent.
   */
  async readListBars(generationId: number, changedId: string): Promise<Map<string, ListBar>> {
    const rows: Array<{ member_id: string; length: number; worst_id: string | null; worst_score: number | null; holds: boolean }> =
      await this.manager.query(
        `SELECT member_id, cardinality(scores) AS length, candidate_ids[cardinality(candidate_ids)] AS worst_id,
                scores[cardinality(scores)] AS worst_score, $2 = ANY(candidate_ids) AS holds
         FROM suggestion_lists WHERE generation_id = $1`,
        [generationId, changedId],
      );
    const bars = new Map<string, ListBar>();
    for (const row of rows) {
      const worst = row.worst_id === null ? null : { id: row.worst_id, score: row.worst_score! };
      bars.set(row.member_id, { length: row.length, worst, holds: row.holds });
    }
    return bars;
  }

  /** How many (non-empty) lists a generation stores. */
  async countLists(generationId: number): Promise<number> {
    const [{ total }] = await this.manager.query('SELECT count(*)::int AS total FROM suggestion_lists WHERE generation_id = $1', [
      generationId,
    ]);
    return total;
  }

  /**
   * Replaces the stored lists of the given members: one DELETE and one INSERT whatever their number,
   * each list travelling as two array literals. The components of all lists travel as one binary
   * parameter that each row takes its slice of (hex text would cost more to write and to decode).
   * Empty lists are not stored.
   */
  async replaceLists(generationId: number, lists: ReadonlyMap<string, readonly ScoredCandidate[]>, componentsOf: ComponentsOf) {
    if (lists.size === 0) return;
    await this.manager.query('DELETE FROM suggestion_lists WHERE generation_id = $1 AND member_id = ANY($2)', [
      generationId,
      [...lists.keys()],
    ]);
    const { members, candidates, scores, components, offsets, lengths } = encodeLists(lists, componentsOf);
    if (members.length === 0) return;
    await this.manager.query(
      `INSERT INTO suggestion_lists (generation_id, member_id, candidate_ids, scores, components)
       SELECT $1, m, c::text[], s::float8[], substring($5::bytea FROM o + 1 FOR n)
       FROM unnest($2::text[], $3::text[], $4::text[], $6::int[], $7::int[]) AS u(m, c, s, o, n)`,
      [generationId, members, candidates, scores, components, offsets, lengths],
    );
  }

  /** A stored list's components, by rank (from 0). */
  async readStoredComponents(generationId: number, memberId: string): Promise<StoredComponents[]> {
    const [row]: Array<{ components: Buffer | Uint8Array | null }> = await this.manager.query(
      'SELECT components FROM suggestion_lists WHERE generation_id = $1 AND member_id = $2',
      [generationId, memberId],
    );
    return row?.components ? decodeComponents(row.components) : [];
  }

  /** The current generation's lists (all, or those of `memberIds`) with the generation, in one query. */
  async currentLists(memberIds: readonly string[] | null): Promise<ListsSnapshot> {
    const rows: Array<{ id: number; finishedAt: Date | null; weights: Weights; k: number } & (ListRow | { member_id: null })> =
      await this.manager.query(
        `SELECT g.id, g.finished_at AS "finishedAt", g.weights, g.k, l.member_id, l.candidate_ids, l.scores
         FROM suggestion_state s
         JOIN suggestion_generations g ON g.id = s.current_generation_id
         LEFT JOIN suggestion_lists l ON l.generation_id = g.id AND ($1::text[] IS NULL OR l.member_id = ANY($1))
         WHERE s.id = 1`,
        [memberIds],
      );
    const lists = new Map<string, ScoredCandidate[]>();
    if (rows.length === 0) return { generation: null, lists };
    const { id, finishedAt, weights, k } = rows[0];
    for (const row of rows) if (row.member_id !== null) lists.set(row.member_id, listOfRow(row));
    return { generation: { id, finishedAt, weights, k }, lists };
  }

  /** The current generation's lists with the state row's version, in one statement and so one snapshot. */
  async currentListsAndVersion(): Promise<
    { generationId: number; version: string; lists: Array<[string, ScoredCandidate[]]> } | undefined
  > {
    const rows: Array<{ version: string; generation_id: number | null } & (ListRow | { member_id: null })> = await this.manager.query(
      `SELECT s.xmin::text AS version, s.current_generation_id AS generation_id, l.member_id, l.candidate_ids, l.scores
       FROM suggestion_state s LEFT JOIN suggestion_lists l ON l.generation_id = s.current_generation_id
       WHERE s.id = 1`,
    );
    if (rows.length === 0 || rows[0].generation_id === null) return undefined;
    const lists: Array<[string, ScoredCandidate[]]> = [];
    for (const row of rows) if (row.member_id !== null) lists.push([row.member_id, listOfRow(row)]);
    return { generationId: rows[0].generation_id, version: rows[0].version, lists };
  }

  /** How far the stored suggestions lag behind the members, and the jobs recorded but not yet enqueued. */
  async lag(): Promise<{
    newestMemberChange: Date | null;
    lastChangeApplied: Date | null;
    recordedJobs: number;
    oldestRecordedJob: Date | null;
  }> {
    const [lag] = await this.manager.query(
      `SELECT (SELECT max(updated_at) FROM members) AS "newestMemberChange",
              (SELECT last_change_applied_at FROM suggestion_state WHERE id = 1) AS "lastChangeApplied",
              (SELECT count(*)::int FROM outbox) AS "recordedJobs",
              (SELECT min(created_at) FROM outbox) AS "oldestRecordedJob"`,
    );
    return lag;
  }
}
