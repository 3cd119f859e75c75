import type { ScoredCandidate, Weights } from '@citymatch/matching';

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

/** What readers of stored lists need of the current generation. */
export type GenerationSummary = Pick<Generation, 'id' | 'finishedAt' | 'weights' | 'k'>;

/** Lists of the current generation, read with it in one query, so never a mix. */
export interface ListsSnapshot {
  generation: GenerationSummary | null;
  lists: Map<string, ScoredCandidate[]>;
}
