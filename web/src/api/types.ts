/**
 * Response shapes the OpenAPI document does not describe yet; request paths, bodies and queries
 * come from the generated `schema.d.ts`.
 */
export type Level = 1 | 2 | 3;
export type ThemeLevels = Record<string, Level>;

export interface Theme {
  slug: string;
  label: string;
  description: string;
  position: number;
}

export interface Member {
  id: string;
  name: string;
  country: string;
  subregion: string;
  population: number;
  lat: number;
  lon: number;
  languages: string[];
  level: string;
  status: 'active' | 'inactive';
  needs: ThemeLevels;
  offers: ThemeLevels;
  partners: string[];
  dismissed: string[];
  contact?: { name: string | null; email: string | null } | null;
  updatedAt?: string;
  version?: number;
}

export interface MembersPage {
  items: Member[];
  total: number;
  limit: number;
  offset: number;
}

export interface Direction {
  score: number;
  components: Record<string, number>;
  contributions: Record<string, number>;
}

export interface Suggestion {
  rank: number;
  memberId: string;
  name: string;
  country: string;
  subregion: string;
  population: number;
  score: number;
  /** What the candidate brings the member, and what the member brings the candidate. */
  explanation?: { candidateOffersMember: Direction; memberOffersCandidate: Direction; reasons: string[]; distanceKm: number };
}

export interface SuggestionsList {
  memberId: string;
  generation: { id: number; computedAt: string } | null;
  filtered: boolean;
  /** balanced: the default list (at most 5 of one country); score: the pure score ranking. */
  ranking: 'balanced' | 'score';
  balancedAt: string | null;
  suggestions: Suggestion[];
}

export interface NetworkMatch {
  score: number;
  members: Array<{ id: string; name: string; country: string }>;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'secretariat' | 'city_official';
  memberId: string | null;
  timeZone: string;
}
