/** What explainMatch returns: the facts behind a score, and the sentences made from them. */
import type { ComponentScores, Weights } from './component-table';
import type { IneligibilityReason } from './eligibility';

/** A theme one side needs and the other offers, with the two levels (1-3). */
export interface ThemeFit {
  theme: string;
  need: number;
  offer: number;
}

/** A theme both sides need, with each side's priority (1-3). */
export interface SharedNeed {
  theme: string;
  needA: number;
  needB: number;
}

export interface DirectionExplanation {
  /** The directional score: the contributions added up. */
  score: number;
  components: ComponentScores;
  /** Each component times its weight. */
  contributions: ComponentScores;
}

export interface MatchExplanation {
  a: string;
  b: string;
  match: number;
  /** Whether B is a candidate for A; `ineligibleBecause` says why not. */
  candidate: boolean;
  ineligibleBecause: IneligibilityReason[];
  weights: Weights;
  distanceKm: number;
  /** directional(A←B): what B brings to A. */
  aFromB: DirectionExplanation;
  /** directional(B←A): what A brings to B. */
  bFromA: DirectionExplanation;
  themes: {
    aNeedsBOffers: ThemeFit[];
    bNeedsAOffers: ThemeFit[];
    sharedNeeds: SharedNeed[];
  };
  /** Short sentences, most telling first. */
  reasons: string[];
}
