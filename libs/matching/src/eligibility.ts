import { thematicFit } from './pair-functions';
import type { MatchProfile } from './profile';

/** Why B is not a candidate for A. */
export type IneligibilityReason = 'same-member' | 'inactive' | 'same-country' | 'no-thematic-fit' | 'partners' | 'dismissed';

export function arePartners(a: MatchProfile, b: MatchProfile): boolean {
  return a.partners.includes(b.id) || b.partners.includes(a.id);
}

/**
 * Every rule that keeps B off A's list, in a fixed order. Dismissal is one-sided: A
 * dismissing B keeps B off A's list, not A off B's.
 */
export function ineligibilityReasons(a: MatchProfile, b: MatchProfile): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (a.id === b.id) reasons.push('same-member');
  if (a.status !== 'active' || b.status !== 'active') reasons.push('inactive');
  if (a.country === b.country) reasons.push('same-country');
  if (!(thematicFit(a, b) > 0 || thematicFit(b, a) > 0)) reasons.push('no-thematic-fit');
  if (arePartners(a, b)) reasons.push('partners');
  if (a.dismissed.includes(b.id)) reasons.push('dismissed');
  return reasons;
}

/**
 * B is a candidate for A: another member, both active, different countries, some
 * thematic fit in at least one direction, not partners (listed on either side), and not
 * dismissed by A.
 */
export function isCandidate(a: MatchProfile, b: MatchProfile): boolean {
  return (
    a.id !== b.id &&
    a.status === 'active' &&
    b.status === 'active' &&
    a.country !== b.country &&
    !arePartners(a, b) &&
    !a.dismissed.includes(b.id) &&
    (thematicFit(a, b) > 0 || thematicFit(b, a) > 0)
  );
}
