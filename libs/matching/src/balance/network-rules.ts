import { ineligibilityReasons, type IneligibilityReason, type MatchProfile } from '../index';

/** A member as the network rules read it: a profile and what it says about taking on partners. */
export interface NetworkProfile extends MatchProfile {
  /** False: the member takes on no new partnerships and is never suggested. Absent counts as open. */
  openToPartnerships?: boolean;
  /** How many new partnerships it can take on; bounds how often it is suggested. Absent or null: no bound. */
  capacity?: number | null;
}

/** Network-wide rules set by the secretariat. */
export interface NetworkRules {
  /** Country pairs (ISO 3166-1 alpha-2, either order) whose members are never matched. */
  excludedCountryPairs: ReadonlyArray<readonly [string, string]>;
}

export const NO_RULES: NetworkRules = Object.freeze({ excludedCountryPairs: [] });

export type NetworkIneligibilityReason = IneligibilityReason | 'not-open' | 'excluded-country-pair';

/** Both orders of every excluded pair, as `AA:BB` keys. */
export function exclusionKeys(rules: NetworkRules): Set<string> {
  const keys = new Set<string>();
  for (const [a, b] of rules.excludedCountryPairs) keys.add(`${a}:${b}`).add(`${b}:${a}`);
  return keys;
}

/**
 * The profiles the kernel ranks, with the network rules folded into rules it already keeps
 * exactly and incrementally: a member not open to partnerships counts as inactive (it is
 * neither suggested nor given suggestions), and an excluded country pair as a dismissal both
 * ways between every two of their members. Profiles no rule touches are returned as they are.
 */
export function rankedProfiles<P extends NetworkProfile>(profiles: readonly P[], rules: NetworkRules = NO_RULES): P[] {
  const excluded = exclusionKeys(rules);
  const byCountry = new Map<string, string[]>();
  if (excluded.size > 0) {
    for (const p of profiles) if (isOpen(p)) (byCountry.get(p.country) ?? byCountry.set(p.country, []).get(p.country)!).push(p.id);
  }
  const excludedCountries = new Map<string, string[]>();
  for (const key of excluded) {
    const [a, b] = key.split(':');
    (excludedCountries.get(a) ?? excludedCountries.set(a, []).get(a)!).push(b);
  }
  return profiles.map((p) => {
    if (!isOpen(p)) return p.status === 'active' ? { ...p, status: 'inactive' as const } : p;
    const others = excludedCountries.get(p.country);
    if (!others) return p;
    const dismissed = [...p.dismissed];
    for (const country of others) dismissed.push(...(byCountry.get(country) ?? []));
    return { ...p, dismissed };
  });
}

export function isOpen(profile: NetworkProfile): boolean {
  return profile.openToPartnerships !== false;
}

/** Every rule that keeps B off A's list: the library's, then the network's, in a fixed order. */
export function networkIneligibilityReasons(
  a: NetworkProfile,
  b: NetworkProfile,
  rules: NetworkRules = NO_RULES,
): NetworkIneligibilityReason[] {
  const reasons: NetworkIneligibilityReason[] = ineligibilityReasons(a, b);
  if (!isOpen(a) || !isOpen(b)) reasons.push('not-open');
  if (exclusionKeys(rules).has(`${a.country}:${b.country}`)) reasons.push('excluded-country-pair');
  return reasons;
}
