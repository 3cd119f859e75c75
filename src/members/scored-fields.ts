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

const SUGGESTIBLE_STATUS = "CASE WHEN open_to_partnerships THEN status ELSE 'inactive' END";

/**
 * The member columns a MatchProfile is read from, named as MatchProfile names them. A member not
 * open to new partnerships reads as inactive: it is neither suggested nor given suggestions, a
 * rule the kernel then keeps exactly and incrementally like any withdrawal. A pair whose
 * partnership ended counts as partners (not suggested again) until the secretariat reopens it:
 * `ended_partners` is the partnerships' eligibility input (see their migration).
 */
export const PROFILE_COLUMNS = [
  'id',
  'name',
  ...SCORED_FIELDS.map((field) =>
    field === 'status' ? `${SUGGESTIBLE_STATUS} AS status` : field === 'partners' ? 'partners || ended_partners(id) AS partners' : field,
  ),
  'open_to_partnerships AS "openToPartnerships"',
  'capacity',
].join(', ');

/** The SQL condition for the members the matching reads: active and open to new partnerships. */
export const SUGGESTIBLE_MEMBERS = "status = 'active' AND open_to_partnerships";

interface OpennessFields {
  openToPartnerships?: boolean;
  capacity?: number | null;
}

/** The scored fields of a member as one comparable value. */
export function scoredFieldsOf(member: Pick<MatchProfile, (typeof SCORED_FIELDS)[number]> & OpennessFields): string {
  // Openness decides whether the member is suggested at all, capacity how often.
  return JSON.stringify([...SCORED_FIELDS.map((field) => member[field]), member.openToPartnerships, member.capacity]);
}
