import type { MatchProfile, ScoredCandidate, Weights } from '../src';
import { refIsCandidate, refMatch, refTopK } from './reference';

export const TOLERANCE = 1e-9;

/**
 * Checks lists against the reference: the same length, scores within TOLERANCE rank by
 * rank, every listed candidate eligible with its reference score, and the same ids
 * wherever the reference order is not a near tie (where rounding may swap neighbours).
 */
export function expectMatchesReference(
  actual: ReadonlyMap<string, readonly ScoredCandidate[]>,
  profiles: readonly MatchProfile[],
  k: number,
  w: Weights,
): void {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const expected = refTopK(profiles, k, w);
  const longer = refTopK(profiles, k + 1, w);
  for (const [id, reference] of expected) {
    const list = actual.get(id) ?? [];
    const where = `list of ${id}`;
    if (list.length !== reference.length) throw new Error(`${where}: ${list.length} entries, expected ${reference.length}`);
    if (new Set(list.map((c) => c.id)).size !== list.length) throw new Error(`${where}: repeated ids`);
    reference.forEach((ref, rank) => {
      const got = list[rank];
      const candidate = byId.get(got.id);
      if (!candidate || !refIsCandidate(byId.get(id)!, candidate)) throw new Error(`${where}: ${got.id} is not a candidate`);
      if (Math.abs(got.score - ref.score) > TOLERANCE) throw new Error(`${where}, rank ${rank}: ${got.score} vs ${ref.score}`);
      if (Math.abs(refMatch(byId.get(id)!, candidate, w) - got.score) > TOLERANCE) {
        throw new Error(`${where}: wrong score for ${got.id}`);
      }
      const nearTie = [reference[rank - 1], reference[rank + 1]].some((n) => n && Math.abs(n.score - ref.score) <= TOLERANCE);
      const tiedOutside = rank === k - 1 && longer.get(id)![k]?.score >= ref.score - TOLERANCE;
      if (!nearTie && !tiedOutside && got.id !== ref.id) throw new Error(`${where}, rank ${rank}: ${got.id} vs ${ref.id}`);
    });
  }
  for (const id of actual.keys()) {
    if (!expected.has(id)) throw new Error(`unexpected list for ${id}`);
  }
}
