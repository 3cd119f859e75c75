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
  lat: number;
  lon: number;
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
  /** The pair's open partnership, else its latest one, else null. */
  partnership: { id: string; stage: Stage } | null;
  /** How to open a partnership for the pair; null while it has an open one. */
  open: { method: 'POST'; path: string; body: { memberA: string; memberB: string } } | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'secretariat' | 'city_official';
  memberId: string | null;
  timeZone: string;
}

export const STAGES = ['interest', 'introduced', 'exploring', 'agreement', 'implementing', 'dormant', 'declined', 'ended'] as const;
export type Stage = (typeof STAGES)[number];
export const ACTIVITY_KINDS = ['visit', 'meeting', 'training', 'exchange', 'report', 'other'] as const;
export const PARTNERSHIP_KINDS = ['friendship', 'twinning', 'project', 'knowledge-exchange'] as const;

export interface Interest {
  memberId: string;
  candidateId: string;
  themes: string[];
  message: string | null;
  createdAt: string;
  mutual: boolean;
}

export interface Agreement {
  signedOn: string;
  termEndsOn: string | null;
  signatories: string[];
  reference: string | null;
  documentUrl: string | null;
}

export interface StageChange {
  from: Stage | null;
  to: Stage;
  at: string;
  by: string | null;
  note: string | null;
  reason: string | null;
}

export interface Milestone {
  id: string;
  title: string;
  dueOn: string;
  doneOn: string | null;
  responsible: string | null;
  version: number;
}

export interface Activity {
  id: string;
  occurredOn: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  summary: string;
  participants: string[];
  loggedAt: string;
  loggedBy: string | null;
}

export interface PartnershipSummary {
  id: string;
  memberA: string;
  memberB: string;
  kind: (typeof PARTNERSHIP_KINDS)[number];
  themes: string[];
  stage: Stage;
  origin: 'mutual-interest' | 'secretariat' | 'imported';
  score: number | null;
  owner: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  agreement: Agreement | null;
  declineReason: string | null;
  endReason: string | null;
  endedOn: string | null;
  openedAt: string;
  stageChangedAt: string;
  lastActivityOn: string | null;
  updatedAt: string;
  version: number;
  allowedMoves: Stage[];
}

export interface Partnership extends PartnershipSummary {
  explanation: { reasons?: string[] } | null;
  milestones: Milestone[];
  activities: Activity[];
  history: StageChange[];
}

export interface PartnershipsPage {
  items: PartnershipSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface BoardEntry {
  id: string;
  memberA: string;
  memberB: string;
  stage?: Stage;
  since: string;
}

export interface Board {
  stages: Record<Stage, number>;
  stalled: BoardEntry[];
  dormant: BoardEntry[];
  medianDaysInStage: Partial<Record<Stage, number>>;
  openedLast12Months: { opened: number; reachedAgreement: number; share: number | null };
  themes: Array<{ theme: string; count: number }>;
  subregions: Array<{ subregion: string; count: number }>;
}

export interface Notification {
  id: string;
  memberId: string | null;
  kind: 'mutual-interest' | 'stage-changed' | 'milestone-due' | 'dormant';
  partnershipId: string | null;
  message: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface DigestWeek {
  week: string;
  recipients: number;
  sent: number;
  failed: number;
  queued: number;
  skipped: Record<string, number>;
}
