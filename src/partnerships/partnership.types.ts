import type { Stage } from './partnership-stages';

export const KINDS = ['friendship', 'twinning', 'project', 'knowledge-exchange'] as const;
export type PartnershipKind = (typeof KINDS)[number];

export const ORIGINS = ['mutual-interest', 'secretariat', 'imported'] as const;
export type Origin = (typeof ORIGINS)[number];

export const ACTIVITY_KINDS = ['visit', 'meeting', 'training', 'exchange', 'report', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface Agreement {
  signedOn: string;
  termEndsOn: string | null;
  signatories: string[];
  reference: string | null;
  documentUrl: string | null;
}

/** A partnership row as stored, dates as ISO strings. */
export interface PartnershipRecord {
  id: string;
  memberA: string;
  memberB: string;
  kind: PartnershipKind;
  themes: string[];
  stage: Stage;
  origin: Origin;
  score: number | null;
  explanation: unknown;
  owner: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  agreement: Agreement | null;
  declineReason: string | null;
  endReason: string | null;
  endedOn: string | null;
  synthetic: boolean;
  openedAt: string;
  stageChangedAt: string;
  lastActivityOn: string | null;
  updatedAt: string;
  version: number;
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
  kind: ActivityKind;
  summary: string;
  participants: string[];
  loggedAt: string;
  loggedBy: string | null;
}

/** Who did something: the principal's id (a token or session), kept in the history. */
export type Actor = string | null;
