/**
 * The brokering workflow as data: every allowed move between stages. The service, its 409 errors,
 * the OpenAPI description and the tests all read this one table.
 */
export const STAGES = ['interest', 'introduced', 'exploring', 'agreement', 'implementing', 'dormant', 'declined', 'ended'] as const;
export type Stage = (typeof STAGES)[number];

export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  interest: ['introduced', 'declined'],
  introduced: ['exploring', 'declined'],
  exploring: ['agreement', 'declined'],
  agreement: ['implementing'],
  implementing: ['dormant', 'ended'],
  dormant: ['implementing', 'ended'],
  declined: [],
  ended: [],
};

/** Before an agreement: a city official may decline here, and these stall when nothing moves. */
export const EARLY_STAGES: readonly Stage[] = ['interest', 'introduced', 'exploring'];

/** Final stages: nothing moves out, and the record (milestones, activities) stays as it was closed. */
export const CLOSED_STAGES: readonly Stage[] = STAGES.filter((stage) => TRANSITIONS[stage].length === 0);

/** A pair has at most one partnership in these stages. */
export const OPEN_STAGES: readonly Stage[] = STAGES.filter((stage) => !CLOSED_STAGES.includes(stage));

/** Stages in which the two members are partners (their agreement is signed and not ended). */
export const PARTNER_STAGES: readonly Stage[] = ['agreement', 'implementing', 'dormant'];

/** Moves that need a reason. */
export const NEEDS_REASON: readonly Stage[] = ['declined', 'ended'];

export function allowedMoves(from: Stage): readonly Stage[] {
  return TRANSITIONS[from];
}

export function isAllowed(from: Stage, to: Stage): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isClosed(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** The table as text, for the API description. */
export function describeTransitions(): string {
  return STAGES.map((stage) => `${stage} → ${TRANSITIONS[stage].join(', ') || '(final)'}`).join('; ');
}

/** The closed stages as text, for the API description of the monitoring routes. */
export function describeClosedStages(): string {
  return `the partnership is ${CLOSED_STAGES.join(' or ')} (closed): its milestones and activities no longer change`;
}
