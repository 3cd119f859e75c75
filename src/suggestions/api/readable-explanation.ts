import type { DirectionExplanation, MatchExplanation, MatchProfile } from '@citymatch/matching';
import { languageName } from '../../reference/languages';
import { THEMES } from '../../reference/themes';

/** How a fit reads: thresholds on the fit (0-100), documented in the README. */
export const FIT_BANDS = [
  { band: 'strong', from: 50 },
  { band: 'good', from: 40 },
  { band: 'fair', from: 0 },
] as const;
export type FitBand = (typeof FIT_BANDS)[number]['band'];

export interface ThemeNamed {
  theme: string;
  label: string;
}

/** One side's contribution to the other, named for who brings what to whom. */
export interface Contribution extends DirectionExplanation {
  /** Themes the receiving side needs and the giving side offers, with the need's priority and the offer's level (1-3). */
  themes: Array<ThemeNamed & { need: number; offer: number }>;
}

/** An explanation a person can read: labels and names, not slugs and codes; sides named for what they bring. */
export interface ReadableExplanation {
  /** The match score as a fit from 0 to 100. */
  fit: number;
  band: FitBand;
  /** What the candidate offers the member (directional score member←candidate). */
  candidateOffersMember: Contribution;
  /** What the member offers the candidate (directional score candidate←member). */
  memberOffersCandidate: Contribution;
  sharedNeeds: Array<ThemeNamed & { memberNeed: number; candidateNeed: number }>;
  commonLanguages: Array<{ code: string; name: string }>;
  distanceKm: number;
  reasons: string[];
}

const LABELS: ReadonlyMap<string, string> = new Map(THEMES.map((theme) => [theme.slug, theme.label]));

export function fitOf(score: number): { fit: number; band: FitBand } {
  const fit = Math.round(100 * score);
  return { fit, band: FIT_BANDS.find((band) => fit >= band.from)!.band };
}

/** `explanation` is explainMatch(member, candidate): A is the member, B the candidate. */
export function readableExplanation(member: MatchProfile, candidate: MatchProfile, explanation: MatchExplanation): ReadableExplanation {
  const named = (theme: string): ThemeNamed => ({ theme, label: labelOf(theme) });
  const common = member.languages.filter((language) => candidate.languages.includes(language));
  return {
    ...fitOf(explanation.match),
    candidateOffersMember: {
      ...explanation.aFromB,
      themes: explanation.themes.aNeedsBOffers.map((fit) => ({ ...named(fit.theme), need: fit.need, offer: fit.offer })),
    },
    memberOffersCandidate: {
      ...explanation.bFromA,
      themes: explanation.themes.bNeedsAOffers.map((fit) => ({ ...named(fit.theme), need: fit.need, offer: fit.offer })),
    },
    sharedNeeds: explanation.themes.sharedNeeds.map((shared) => ({
      ...named(shared.theme),
      memberNeed: shared.needA,
      candidateNeed: shared.needB,
    })),
    commonLanguages: common.map((code) => ({ code, name: languageName(code) ?? code })),
    distanceKm: explanation.distanceKm,
    reasons: explanation.reasons.map(readableSentence),
  };
}

function labelOf(slug: string): string {
  return LABELS.get(slug) ?? slug;
}

/**
 * The library's sentences name themes by slug and languages by code; readers get the theme's
 * label and the language's English name in their place.
 */
function readableSentence(sentence: string): string {
  let readable = sentence.replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[a-z]+\b/g, (word) => (LABELS.has(word) ? labelOf(word) : word));
  readable = readable.replace(/share a language \(([^)]*)\)/, (_, codes: string) => {
    const names = codes.split(', ').map((code) => languageName(code) ?? code);
    return `share ${names.length > 1 ? 'languages' : 'a language'} (${names.join(', ')})`;
  });
  return readable;
}
