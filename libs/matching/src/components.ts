import { COMPONENTS, type ComponentScores } from './component-table';
import { distanceKm } from './pair-functions';
import type { MatchProfile } from './profile';

/** Both directions of a pair: `aFromB` is directional(A←B), what B brings to A. */
export interface PairComponents {
  aFromB: ComponentScores;
  bFromA: ComponentScores;
  distanceKm: number;
}

/** Every component of the table, both ways. */
export function pairComponents(a: MatchProfile, b: MatchProfile): PairComponents {
  const aFromB = {} as ComponentScores;
  const bFromA = {} as ComponentScores;
  for (const c of COMPONENTS) {
    aFromB[c.key] = c.pair(a, b);
    bFromA[c.key] = c.symmetric ? aFromB[c.key] : c.pair(b, a);
  }
  return { aFromB, bFromA, distanceKm: distanceKm(a, b) };
}
