import { computeTopK, prepareDataset, type MatchProfile, type PreparedDataset } from '../index';

/** Each list's best candidates, best first, by prepared index of the whole network: list i's at [i·k, i·k + counts[i]). */
export interface CandidatePools {
  k: number;
  counts: Int32Array;
  indices: Int32Array;
  scores: Float64Array;
}

/**
 * The pools of the lists in `lists` among the members in `members` only, from a dataset of just
 * those: scores and eligibility depend on the pair alone, so they are the exact ones, and the
 * kernel meets far fewer pairs than on the whole network. Other lists get empty pools.
 */
export async function poolsAmong(
  ranked: readonly MatchProfile[],
  whole: PreparedDataset,
  lists: Uint8Array,
  members: Uint8Array,
  k: number,
  threads?: number,
  weights?: Parameters<typeof computeTopK>[1]['weights'],
): Promise<CandidatePools> {
  const subset = ranked.filter((p) => {
    const i = whole.indexOf.get(p.id);
    return i !== undefined && (lists[i] === 1 || members[i] === 1);
  });
  const prepared = prepareDataset(subset);
  const top = await computeTopK(prepared, { k, weights, threads });
  const n = whole.size;
  const pools: CandidatePools = { k, counts: new Int32Array(n), indices: new Int32Array(n * k), scores: new Float64Array(n * k) };
  for (let slot = 0; slot < prepared.size; slot++) {
    const list = whole.indexOf.get(prepared.ids[slot])!;
    pools.counts[list] = top.counts[slot];
    for (let r = 0; r < top.counts[slot]; r++) {
      pools.indices[list * k + r] = whole.indexOf.get(prepared.ids[top.indices[slot * k + r]])!;
      pools.scores[list * k + r] = top.scores[slot * k + r];
    }
  }
  return pools;
}
