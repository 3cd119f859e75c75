import { directionalFromComponents, pairComponents, type ComponentScores } from './components';
import { ineligibilityReasons, type IneligibilityReason } from './eligibility';
import { harmonic } from './pair-math';
import { byPlainOrder, presentThemes, type MatchProfile } from './profile';
import { explainInPlainWords } from './reasons';
import { normaliseWeights, type Weights } from './weights';

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

/** Everything behind match(A, B): components, weighted contributions, themes and reasons. */
export function explainMatch(a: MatchProfile, b: MatchProfile, weights?: Partial<Weights>): MatchExplanation {
  const w = normaliseWeights(weights);
  const c = pairComponents(a, b);
  const aFromB = explainDirection(w, c.aFromB);
  const bFromA = explainDirection(w, c.bFromA);
  const ineligibleBecause = ineligibilityReasons(a, b);
  const themes = {
    aNeedsBOffers: themeFits(a, b),
    bNeedsAOffers: themeFits(b, a),
    sharedNeeds: presentThemes(a.needs)
      .filter((theme) => b.needs[theme] > 0)
      .map((theme) => ({ theme, needA: a.needs[theme], needB: b.needs[theme] })),
  };
  const explanation: Omit<MatchExplanation, 'reasons'> = {
    a: a.id,
    b: b.id,
    match: harmonic(aFromB.score, bFromA.score),
    candidate: ineligibleBecause.length === 0,
    ineligibleBecause,
    weights: w,
    distanceKm: c.distanceKm,
    aFromB,
    bFromA,
    themes,
  };
  return { ...explanation, reasons: explainInPlainWords(a, b, explanation) };
}

function explainDirection(w: Weights, components: ComponentScores): DirectionExplanation {
  return {
    score: directionalFromComponents(w, components),
    components,
    contributions: {
      thematic: w.thematic * components.thematic,
      shared: w.shared * components.shared,
      population: w.population * components.population,
      geo: w.geo * components.geo,
      language: w.language * components.language,
    },
  };
}

/** The needs of `needing` that `offering` offers, strongest pairing first. */
function themeFits(needing: MatchProfile, offering: MatchProfile): ThemeFit[] {
  return presentThemes(needing.needs)
    .filter((theme) => offering.offers[theme] > 0)
    .map((theme) => ({ theme, need: needing.needs[theme], offer: offering.offers[theme] }))
    .sort((x, y) => y.need * y.offer - x.need * x.offer || y.need - x.need || byPlainOrder(x.theme, y.theme));
}
