import { endianness } from 'node:os';
import { STORED_COMPONENTS, type ListBar, type ScoredCandidate, type Weights } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';
import { PROFILE_COLUMNS } from './member-profiles';

/** Writes the stored components of `candidateId` in `memberId`'s list at `out[offset…]`, in STORED_COMPONENTS order. */
export type ComponentsOf = (memberId: string, candidateId: string, out: Float32Array, offset: number) => void;

// Components are stored as little-endian floats, the byte order of the machine's Float32Array.
if (endianness() !== 'LE') throw new Error('CityMatch stores suggestion components as little-endian floats');
const PER_SUGGESTION = STORED_COMPONENTS.length;

export interface Generation {
  id: number;
  state: 'building' | 'complete' | 'failed' | 'superseded';
  reason: string;
  weights: Weights;
  k: number;
  memberCount: number;
  shardsTotal: number;
  shardsDone: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

const GENERATION_COLUMNS = `id, state, reason, weights, k, member_count AS "memberCount", shards_total AS "shardsTotal",
  cardinality(shards_done) AS "shardsDone", started_at AS "startedAt", finished_at AS "finishedAt", error`;

/** TypeORM answers an UPDATE or DELETE … RETURNING with [rows, affected]; an INSERT or SELECT with rows. */
export function returnedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/** Serialises everything that rewrites stored lists, across processes and machines. */
export const SUGGESTIONS_LOCK = 'SELECT pg_advisory_xact_lock(hashtext($1))';
export const SUGGESTIONS_LOCK_KEY = 'citymatch.suggestions';

export async function currentGeneration(manager: EntityManager): Promise<Generation | undefined> {
  const [row] = await manager.query(
    `SELECT ${GENERATION_COLUMNS} FROM suggestion_generations
     WHERE id = (SELECT current_generation_id FROM suggestion_state WHERE id = 1)`,
  );
  return row;
}

/**
 * The version of the `suggestion_state` row (its `xmin`), new with every transaction that writes it:
 * every rewrite of the current generation's lists writes it too (see StoredListsCache).
 */
export async function stateVersion(manager: EntityManager): Promise<string> {
  const [row] = await manager.query('SELECT xmin::text AS version FROM suggestion_state WHERE id = 1');
  return row.version;
}

export async function buildingGeneration(manager: EntityManager): Promise<Generation | undefined> {
  const [row] = await manager.query(
    `SELECT ${GENERATION_COLUMNS} FROM suggestion_generations WHERE state = 'building' ORDER BY id DESC LIMIT 1`,
  );
  return row;
}

export async function generationById(manager: EntityManager, id: number): Promise<Generation | undefined> {
  const [row] = await manager.query(`SELECT ${GENERATION_COLUMNS} FROM suggestion_generations WHERE id = $1`, [id]);
  return row;
}

/**
 * A new building generation with its snapshot of the active members, built where the members are
 * (no round trip of every profile through this process), and its shard count.
 */
export async function insertBuildingGeneration(
  manager: EntityManager,
  { reason, weights, k, shardSize }: { reason: string; weights: Weights; k: number; shardSize: number },
): Promise<{ id: number; memberCount: number }> {
  const [{ id, member_count }] = await manager.query(
    `INSERT INTO suggestion_generations (state, reason, weights, k, member_count, shards_total, snapshot)
     SELECT 'building', $1, $2, $3, count(*), ceil(count(*) / $4::numeric), coalesce(json_agg(m ORDER BY m.id), '[]')
     FROM (SELECT ${PROFILE_COLUMNS} FROM members WHERE status = 'active') AS m
     RETURNING id, member_count`,
    [reason, JSON.stringify(weights), k, shardSize],
  );
  return { id, memberCount: member_count };
}

/** Every stored list of a generation, best first. */
export async function readLists(manager: EntityManager, generationId: number): Promise<Map<string, ScoredCandidate[]>> {
  const rows: ListRow[] = await manager.query('SELECT member_id, candidate_ids, scores FROM suggestion_lists WHERE generation_id = $1', [
    generationId,
  ]);
  return listsOf(rows);
}

/** The stored lists of the given members (members without one are absent). */
export async function readListsOf(
  manager: EntityManager,
  generationId: number,
  memberIds: readonly string[],
): Promise<Map<string, ScoredCandidate[]>> {
  if (memberIds.length === 0) return new Map();
  const rows: ListRow[] = await manager.query(
    'SELECT member_id, candidate_ids, scores FROM suggestion_lists WHERE generation_id = $1 AND member_id = ANY($2)',
    [generationId, memberIds],
  );
  return listsOf(rows);
}

/**
 * What an incremental update needs to know of every stored list without reading it: its length, its
 * last (k-th) entry, and whether it holds the changed member. Members without a list are absent.
 */
export async function readListBars(manager: EntityManager, generationId: number, changedId: string): Promise<Map<string, ListBar>> {
  const rows: Array<{ member_id: string; length: number; worst_id: string | null; worst_score: number | null; holds: boolean }> =
    await manager.query(
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

/**
 * Replaces the stored lists of the given members: one DELETE and one INSERT whatever their number,
 * each list travelling as two array literals. The components of all lists travel as one binary
 * parameter that each row takes its slice of (hex text would cost more to write and to decode).
 * Empty lists are not stored.
 */
export async function replaceLists(
  manager: EntityManager,
  generationId: number,
  lists: ReadonlyMap<string, readonly ScoredCandidate[]>,
  componentsOf: ComponentsOf,
): Promise<void> {
  if (lists.size === 0) return;
  await manager.query('DELETE FROM suggestion_lists WHERE generation_id = $1 AND member_id = ANY($2)', [generationId, [...lists.keys()]]);
  const members: string[] = [];
  const candidates: string[] = [];
  const scores: string[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  let suggestions = 0;
  for (const list of lists.values()) suggestions += list.length;
  const values = new Float32Array(suggestions * PER_SUGGESTION);
  let at = 0;
  for (const [memberId, list] of lists) {
    if (list.length === 0) continue;
    members.push(memberId);
    offsets.push(at * 4);
    lengths.push(list.length * PER_SUGGESTION * 4);
    for (const candidate of list) {
      componentsOf(memberId, candidate.id, values, at);
      at += PER_SUGGESTION;
    }
    candidates.push(`{${list.map((candidate) => quoted(candidate.id)).join(',')}}`);
    // Number#toString is the shortest text that reads back as the same double: scores round-trip exactly.
    scores.push(`{${list.map((candidate) => String(candidate.score)).join(',')}}`);
  }
  if (members.length === 0) return;
  await manager.query(
    `INSERT INTO suggestion_lists (generation_id, member_id, candidate_ids, scores, components)
     SELECT $1, m, c::text[], s::float8[], substring($5::bytea FROM o + 1 FOR n)
     FROM unnest($2::text[], $3::text[], $4::text[], $6::int[], $7::int[]) AS u(m, c, s, o, n)`,
    [generationId, members, candidates, scores, Buffer.from(values.buffer, values.byteOffset, values.byteLength), offsets, lengths],
  );
}

/** A `suggestion_lists` row as the list queries read it. */
export interface ListRow {
  member_id: string;
  candidate_ids: string[];
  scores: number[];
}

/** A stored list, best first, from its row's two arrays. */
export function listOfRow(row: Pick<ListRow, 'candidate_ids' | 'scores'>): ScoredCandidate[] {
  return row.candidate_ids.map((id, at) => ({ id, score: Number(row.scores[at]) }));
}

function listsOf(rows: readonly ListRow[]): Map<string, ScoredCandidate[]> {
  const lists = new Map<string, ScoredCandidate[]>();
  for (const row of rows) lists.set(row.member_id, listOfRow(row));
  return lists;
}

/**
 * The lists of a generation written after the transaction `version` (an xid, as `xmin::text`) was:
 * valid while writers of lists take turns under SUGGESTIONS_LOCK, so that their ids follow one another.
 */
export async function readListsWrittenSince(
  manager: EntityManager,
  generationId: number,
  version: string,
): Promise<Map<string, ScoredCandidate[]>> {
  const rows: ListRow[] = await manager.query(
    'SELECT member_id, candidate_ids, scores FROM suggestion_lists WHERE generation_id = $1 AND age(xmin) < age($2::xid)',
    [generationId, version],
  );
  return listsOf(rows);
}

/** How many (non-empty) lists a generation stores. */
export async function countLists(manager: EntityManager, generationId: number): Promise<number> {
  const [{ total }] = await manager.query('SELECT count(*)::int AS total FROM suggestion_lists WHERE generation_id = $1', [generationId]);
  return total;
}

/** An element of an array literal: quoted, so that any id reads back as written. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** A stored list's components, by rank (from 0), as STORED_COMPONENTS names them. */
export async function readStoredComponents(
  manager: EntityManager,
  generationId: number,
  memberId: string,
): Promise<Array<Record<(typeof STORED_COMPONENTS)[number], number>>> {
  const [row]: Array<{ components: Buffer | Uint8Array | null }> = await manager.query(
    'SELECT components FROM suggestion_lists WHERE generation_id = $1 AND member_id = $2',
    [generationId, memberId],
  );
  if (!row?.components) return [];
  const bytes = Uint8Array.from(row.components);
  const values = new Float32Array(bytes.buffer, 0, bytes.length / 4);
  const ranks = values.length / PER_SUGGESTION;
  return Array.from(
    { length: ranks },
    (_, rank) =>
      Object.fromEntries(STORED_COMPONENTS.map((name, n) => [name, values[rank * PER_SUGGESTION + n]])) as Record<
        (typeof STORED_COMPONENTS)[number],
        number
      >,
  );
}
