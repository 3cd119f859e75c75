import type { MatchProfile } from '@citymatch/matching';

/**
 * The member fields the matching library reads (besides id and name, which it only shows): a change
 * to any of them changes suggestions, a change elsewhere (name, contact) does not. Column and
 * property names are the same for each.
 */
export const SCORED_FIELDS = [
  'country',
  'subregion',
  'population',
  'lat',
  'lon',
  'languages',
  'status',
  'needs',
  'offers',
  'partners',
  'dismissed',
] as const satisfies ReadonlyArray<keyof MatchProfile>;

/**
 * The member columns a MatchProfile is read from, named as MatchProfile names them. A pair whose
 * partnership ended counts as partners (not suggested again) until the secretariat reopens it:
 * `ended_partners` is the partnerships' eligibility input (see their migration).
 */
export const PROFILE_COLUMNS = ['id', 'name', ...SCORED_FIELDS]
  .map((field) => (field === 'partners' ? 'partners || ended_partners(id) AS partners' : field))
  .join(', ');

/** The scored fields of a member as one comparable value. */
export function scoredFieldsOf(member: Pick<MatchProfile, (typeof SCORED_FIELDS)[number]>): string {
  return JSON.stringify(SCORED_FIELDS.map((field) => member[field]));
}
