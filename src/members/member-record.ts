/**
 * The member record format: what import accepts, export writes and the match CLI reads.
 * One JSON object per member; `subregion` is not part of it because it is derived from `country`.
 */
export const MEMBER_LEVELS = ['city', 'municipality', 'region', 'association'] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];

export const MEMBER_STATUSES = ['active', 'inactive'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Theme slug → level 1..3 (priority for needs, expertise for offers). */
export type ThemeLevels = Record<string, number>;

export interface MemberContact {
  name?: string | null;
  email?: string | null;
}

export interface MemberRecord {
  id: string;
  name: string;
  country: string; // ISO 3166-1 alpha-2
  population: number; // integer > 0
  lat: number;
  lon: number;
  languages: string[]; // ISO 639-3
  level?: MemberLevel; // defaults to 'city'
  status: MemberStatus;
  needs: ThemeLevels;
  offers: ThemeLevels;
  partners: string[];
  dismissed: string[];
  contact?: MemberContact;
  /** False when the member takes on no new partnerships: it is then never suggested. Defaults to true. */
  openToPartnerships?: boolean;
  /** How many new partnerships it can take on; bounds how often it is suggested. Null or absent: not stated. */
  capacity?: number | null;
  /** True for generated demo profiles, whose languages, needs and offers are not the member’s own statements. */
  synthetic?: boolean;
}
