import { directionalFromComponents } from './component-table';
import { pairComponents } from './components';
import { harmonic } from './pair-math';
import type { MatchProfile } from './profile';
import { normaliseWeights, type Weights } from './weights';

/** directional(A←B) and directional(B←A). */
export function directionalScores(a: MatchProfile, b: MatchProfile, weights?: Partial<Weights>): { aFromB: number; bFromA: number } {
  const w = normaliseWeights(weights);
  const c = pairComponents(a, b);
  return { aFromB: directionalFromComponents(w, c.aFromB), bFromA: directionalFromComponents(w, c.bFromA) };
}

/**
 * match(A, B): the harmonic mean of the two directional scores, symmetric and in [0, 1].
 * Says nothing about eligibility (see isCandidate). Bit-for-bit the kernel's score.
 */
export function matchScore(a: MatchProfile, b: MatchProfile, weights?: Partial<Weights>): number {
  const { aFromB, bFromA } = directionalScores(a, b, weights);
  return harmonic(aFromB, bFromA);
}
