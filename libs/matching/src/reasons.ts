import type { IneligibilityReason } from './eligibility';
import type { MatchExplanation, ThemeFit } from './explanation';
import type { MatchProfile } from './profile';

const OFFER_WORDS = ['basic', 'experienced', 'expert'];
const NEED_WORDS = ['low', 'medium', 'high'];
/** At most this many theme sentences per direction. */
const THEMES_PER_SIDE = 3;

type Facts = Omit<MatchExplanation, 'reasons'>;

/** Short sentences a member can read: themes first, then shared needs, size, distance, language. */
export function explainInPlainWords(a: MatchProfile, b: MatchProfile, facts: Facts): string[] {
  const nameA = a.name || a.id;
  const nameB = b.name || b.id;
  const reasons = [
    ...themeSentences(nameB, nameA, facts.themes.aNeedsBOffers),
    ...themeSentences(nameA, nameB, facts.themes.bNeedsAOffers),
  ];
  for (const [needing, offering, fits] of [
    [nameA, nameB, facts.themes.aNeedsBOffers],
    [nameB, nameA, facts.themes.bNeedsAOffers],
  ] as const) {
    if (fits.length === 0) reasons.push(`${offering} offers none of ${needing}'s needs, so the fit is one-sided`);
  }
  if (facts.themes.sharedNeeds.length > 0) {
    reasons.push(`${nameA} and ${nameB} both need ${listOf(facts.themes.sharedNeeds.map((s) => s.theme))}`);
  }
  reasons.push(sizeSentence(nameA, a.population, nameB, b.population));
  reasons.push(`${nameA} and ${nameB} are about ${groupThousands(roundDistance(facts.distanceKm))} km apart`);
  const common = a.languages.filter((language) => b.languages.includes(language));
  reasons.push(
    common.length > 0
      ? `${nameA} and ${nameB} share a language (${common.join(', ')})`
      : `${nameA} and ${nameB} have no language in common`,
  );
  for (const reason of facts.ineligibleBecause) reasons.push(`Not suggested: ${ineligibleWords(reason, a, b)}`);
  return reasons;
}

function themeSentences(offering: string, needing: string, fits: readonly ThemeFit[]): string[] {
  return fits
    .slice(0, THEMES_PER_SIDE)
    .map(
      (fit) =>
        `${offering} offers ${fit.theme} at ${levelWord(OFFER_WORDS, fit.offer)} level, ` +
        `a ${levelWord(NEED_WORDS, fit.need)}-priority need of ${needing}`,
    );
}

function levelWord(words: readonly string[], level: number): string {
  return words[Math.min(3, Math.max(1, Math.round(level))) - 1];
}

function sizeSentence(nameA: string, popA: number, nameB: string, popB: number): string {
  const [big, bigPop, small, smallPop] = popA >= popB ? [nameA, popA, nameB, popB] : [nameB, popB, nameA, popA];
  const ratio = bigPop / smallPop;
  if (ratio < 1.5) return `${nameA} and ${nameB} are similar in size`;
  const times = ratio < 10 ? ratio.toFixed(1).replace(/\.0$/, '') : groupThousands(Math.round(ratio));
  return `${big} is about ${times} times the size of ${small}`;
}

function roundDistance(km: number): number {
  return km < 100 ? Math.round(km) : Math.round(km / 10) * 10;
}

/** 12345 → "12,345" without depending on the machine's locale. */
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ineligibleWords(reason: IneligibilityReason, a: MatchProfile, b: MatchProfile): string {
  switch (reason) {
    case 'same-member':
      return 'a member is not matched with itself';
    case 'inactive':
      return 'only active members are matched';
    case 'same-country':
      return `both are in ${a.country}, and partnerships are international`;
    case 'no-thematic-fit':
      return 'neither offers a theme the other needs';
    case 'partners':
      return 'they are already partners';
    case 'dismissed':
      return `${a.name || a.id} dismissed ${b.name || b.id}`;
  }
}
