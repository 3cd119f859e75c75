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

/** A pair has at most one partnership in these stages. */
export const OPEN_STAGES: readonly Stage[] = STAGES.filter((stage) => stage !== 'declined' && stage !== 'ended');

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

/** The table as text, for the API description. */
export function describeTransitions(): string {
  return STAGES.map((stage) => `${stage} → ${TRANSITIONS[stage].join(', ') || '(final)'}`).join('; ');
}
