import { pairComponents, type MatchProfile, type ScoredCandidate } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';

export interface Generation {
  id: number;
  state: 'building' | 'complete' | 'failed' | 'superseded';
  reason: string;
  weights: Record<string, number>;
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

/** Every stored list of a generation, best first. */
export async function readLists(manager: EntityManager, generationId: number): Promise<Map<string, ScoredCandidate[]>> {
  const rows: Array<{ member_id: string; candidate_id: string; score: number }> = await manager.query(
    'SELECT member_id, candidate_id, score FROM suggestions WHERE generation_id = $1 ORDER BY member_id, rank',
    [generationId],
  );
  const lists = new Map<string, ScoredCandidate[]>();
  for (const row of rows) {
    let list = lists.get(row.member_id);
    if (!list) lists.set(row.member_id, (list = []));
    list.push({ id: row.candidate_id, score: row.score });
  }
  return lists;
}

/**
 * Replaces the stored lists of the given members in one DELETE and one INSERT: the rows travel as
 * arrays expanded by unnest, so thousands of lists cost two round trips.
 */
export async function replaceLists(
  manager: EntityManager,
  generationId: number,
  lists: ReadonlyMap<string, readonly ScoredCandidate[]>,
  profiles: ReadonlyMap<string, MatchProfile>,
): Promise<void> {
  if (lists.size === 0) return;
  await manager.query('DELETE FROM suggestions WHERE generation_id = $1 AND member_id = ANY($2)', [generationId, [...lists.keys()]]);
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
  for (const [memberId, list] of lists) {
    const member = profiles.get(memberId);
    list.forEach((candidate, index) => {
      const other = profiles.get(candidate.id);
      const c = member && other ? pairComponents(member, other) : undefined;
      const values = [
        memberId,
        index + 1,
        candidate.id,
        candidate.score,
        c?.aFromB.thematic ?? 0,
        c?.bFromA.thematic ?? 0,
        c?.aFromB.shared ?? 0,
        c?.bFromA.shared ?? 0,
        c?.aFromB.population ?? 0,
        c?.aFromB.geo ?? 0,
        c?.aFromB.language ?? 0,
      ];
      values.forEach((value, column) => columns[column].push(value));
    });
  }
  if (columns[0].length === 0) return;
  await manager.query(
    `INSERT INTO suggestions (generation_id, member_id, rank, candidate_id, score, thematic, thematic_back, shared,
                              shared_back, population, geo, language)
     SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::text[], $5::float8[], $6::real[], $7::real[], $8::real[],
                              $9::real[], $10::real[], $11::real[], $12::real[])`,
    [generationId, ...columns],
  );
}
