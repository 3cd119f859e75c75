import { contributions, directionalFromComponents, type ComponentScores } from './component-table';
import { pairComponents } from './components';
import { ineligibilityReasons } from './eligibility';
import type { DirectionExplanation, MatchExplanation, ThemeFit } from './explanation';
import { harmonic } from './pair-math';
import { byPlainOrder, presentThemes, type MatchProfile } from './profile';
import { explainInPlainWords } from './reasons';
import { normaliseWeights, type Weights } from './weights';

export type { DirectionExplanation, MatchExplanation, SharedNeed, ThemeFit } from './explanation';

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
    contributions: contributions(w, components),
  };
}

/** The needs of `needing` that `offering` offers, strongest pairing first. */
function themeFits(needing: MatchProfile, offering: MatchProfile): ThemeFit[] {
  return presentThemes(needing.needs)
    .filter((theme) => offering.offers[theme] > 0)
    .map((theme) => ({ theme, need: needing.needs[theme], offer: offering.offers[theme] }))
    .sort((x, y) => y.need * y.offer - x.need * x.offer || y.need - x.need || byPlainOrder(x.theme, y.theme));
}
