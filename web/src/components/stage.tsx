import type { Stage } from '../api/types';

export const STAGE_LABELS: Record<Stage, string> = {
  interest: 'Interest',
  introduced: 'Introduced',
  exploring: 'Exploring',
  agreement: 'Agreement',
  implementing: 'Implementing',
  dormant: 'Dormant',
  declined: 'Declined',
  ended: 'Ended',
};

/** The stages a partnership normally passes through, in order (the others are exits). */
export const PATH: Stage[] = ['interest', 'introduced', 'exploring', 'agreement', 'implementing'];

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`stage stage-${stage}`}>{STAGE_LABELS[stage]}</span>;
}

const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A calendar date (YYYY-MM-DD): a day, not a moment, so no time zone shifts it. */
export function Day({ date }: { date: string }) {
  return <time dateTime={date}>{DAY.format(new Date(`${date}T00:00:00Z`))}</time>;
}

/** "Cebu City and Kitakyushu", from the profiles as they load (the ids until then). */
export function pairName(p: { memberA: string; memberB: string }, names: Map<string, { name: string }>): string {
  return `${names.get(p.memberA)?.name ?? p.memberA} and ${names.get(p.memberB)?.name ?? p.memberB}`;
}
