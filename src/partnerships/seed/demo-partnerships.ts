import { seededRandom, type Random } from '../../members';
import type { Stage } from '../partnership-stages';
import type { ActivityKind, Agreement, PartnershipKind } from '../partnership.types';

/** A demo member as the plan needs it. */
export interface DemoMember {
  id: string;
  name: string;
  country: string;
  needs: Record<string, number>;
  offers: Record<string, number>;
}

export interface DemoStep {
  from: Stage | null;
  to: Stage;
  on: string;
  note: string | null;
  reason: string | null;
}

/** One synthetic partnership, its whole story dated back from `today`. */
export interface DemoPartnership {
  id: string;
  memberA: string;
  memberB: string;
  kind: PartnershipKind;
  themes: string[];
  stage: Stage;
  origin: 'mutual-interest' | 'secretariat';
  owner: string;
  nextStep: string | null;
  nextStepDue: string | null;
  agreement: Agreement | null;
  declineReason: string | null;
  endReason: string | null;
  endedOn: string | null;
  steps: DemoStep[];
  milestones: Array<{ id: string; title: string; dueOn: string; doneOn: string | null; responsible: string }>;
  activities: Array<{ id: string; occurredOn: string; kind: ActivityKind; summary: string; participants: string[] }>;
}

export const DEMO_PARTNERSHIPS = 120;
/** Every stage appears; implementing most, as in a network that has run for years. */
const STAGE_MIX: readonly Stage[] = [
  'implementing',
  'interest',
  'implementing',
  'introduced',
  'exploring',
  'dormant',
  'agreement',
  'implementing',
  'declined',
  'ended',
  'exploring',
  'dormant',
];
const PATH: readonly Stage[] = ['interest', 'introduced', 'exploring', 'agreement', 'implementing'];
/** Days between entering a stage and the next move: [shortest, longest]. */
const GAP_AFTER: Partial<Record<Stage, [number, number]>> = {
  interest: [10, 60],
  introduced: [20, 90],
  exploring: [30, 150],
  agreement: [7, 45],
};
/** Days since the last move, per final stage (early stages: half stalled, past 60 days). */
const AGE: Record<Stage, [number, number]> = {
  interest: [2, 45],
  introduced: [2, 45],
  exploring: [2, 45],
  agreement: [5, 40],
  implementing: [30, 600],
  dormant: [10, 150],
  declined: [10, 600],
  ended: [10, 200],
};
const STALLED_AGE: [number, number] = [61, 300];
const KINDS: readonly PartnershipKind[] = ['twinning', 'friendship', 'project', 'knowledge-exchange'];
const OWNERS = ['Partnerships Officer', 'Programmes Officer', 'Secretariat Director'];
const NEXT_STEPS: Partial<Record<Stage, string>> = {
  interest: 'Introduce the two international relations offices',
  introduced: 'Plan an exploratory visit',
  exploring: 'Draft the memorandum of understanding',
  agreement: 'Adopt the action plan',
};
const DAY_MS = 86_400_000;

/**
 * The demo network's partnerships: the same pairs, stages and stories for the same members and day, so a
 * first start shows a living board (every stage, some stalled, some dormant) over the last three years.
 */
export function demoPartnerships(members: readonly DemoMember[], today: Date, count = DEMO_PARTNERSHIPS): DemoPartnership[] {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sorted.length < 2) return [];
  const used = new Set<string>();
  const plans: DemoPartnership[] = [];
  for (let index = 0; index < count; index += 1) {
    const random = seededRandom(`demo-partnership:${index}`);
    const pair = pickPair(sorted, random, used);
    if (!pair) continue;
    plans.push(story(index, pair, STAGE_MIX[index % STAGE_MIX.length], random, today));
  }
  return plans;
}

function pickPair(members: readonly DemoMember[], random: Random, used: Set<string>): [DemoMember, DemoMember] | null {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const x = members[Math.floor(random() * members.length)];
    const y = members[Math.floor(random() * members.length)];
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    const key = `${a.id}|${b.id}`;
    if (a.id === b.id || a.country === b.country || used.has(key)) continue;
    // Later attempts take any pair, so that a small network still gets its partnerships.
    if (attempt < 30 && sharedThemes(a, b).length === 0) continue;
    used.add(key);
    return [a, b];
  }
  return null;
}

/** What one needs and the other offers, either way, strongest first. */
function sharedThemes(a: DemoMember, b: DemoMember): string[] {
  const fit = new Map<string, number>();
  for (const [x, y] of [
    [a, b],
    [b, a],
  ])
    for (const [theme, need] of Object.entries(x.needs))
      if (y.offers[theme]) fit.set(theme, (fit.get(theme) ?? 0) + need * y.offers[theme]);
  return [...fit.entries()]
    .sort(([t1, s1], [t2, s2]) => s2 - s1 || t1.localeCompare(t2))
    .slice(0, 3)
    .map(([theme]) => theme);
}

function story(index: number, [a, b]: [DemoMember, DemoMember], stage: Stage, random: Random, today: Date): DemoPartnership {
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const day = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const stages = pathTo(stage, random);
  const stalled = PATH.indexOf(stage) >= 0 && PATH.indexOf(stage) < 3 && random() < 0.5;

  // Dated backwards from the last move; a dormant one had no activity for over a year before it went quiet.
  const daysAgo: number[] = new Array(stages.length);
  daysAgo[stages.length - 1] = between(stalled ? STALLED_AGE : AGE[stage]);
  for (let i = stages.length - 2; i >= 0; i -= 1) {
    const next = stages[i + 1];
    const gap: [number, number] =
      next === 'dormant' ? [370, 450] : next === 'ended' ? [200, 500] : next === 'declined' ? [10, 90] : GAP_AFTER[stages[i]]!;
    daysAgo[i] = daysAgo[i + 1] + between(gap);
  }
  const on = (s: Stage) => daysAgo[stages.indexOf(s)];
  const steps: DemoStep[] = stages.map((to, i) => ({
    from: i === 0 ? null : stages[i - 1],
    to,
    on: day(daysAgo[i]),
    note: i === 0 ? 'opened (demo data)' : null,
    reason:
      to === 'declined'
        ? 'priorities changed after local elections'
        : to === 'ended'
          ? 'action plan completed'
          : to === 'dormant'
            ? 'no activity logged for 365 days'
            : null,
  }));

  const signed = stages.includes('agreement') ? on('agreement') : null;
  const agreement: Agreement | null =
    signed === null
      ? null
      : {
          signedOn: day(signed),
          termEndsOn: day(signed - 3 * 365),
          signatories: [`Mayor of ${a.name}`, `Mayor of ${b.name}`],
          reference: `MoU-${day(signed).slice(0, 4)}-${String(index + 1).padStart(3, '0')}`,
          documentUrl: null,
        };
  const idOf = (part: string) => demoUuid(`${index}:${part}`);
  const started = stages.includes('implementing') ? on('implementing') : null;
  // About two exchanges a year while implementing; a dormant one only had its first, more than a year before it went quiet.
  const until = stage === 'dormant' ? started! - 5 : stage === 'ended' ? on('ended') : 0;
  const activities: DemoPartnership['activities'] = [];
  if (started !== null) {
    for (let ago = started - between([1, 5]); ago >= until; ago -= between([90, 200])) {
      const n = activities.length;
      activities.push({
        id: idOf(`activity:${n}`),
        occurredOn: day(ago),
        kind: (['visit', 'meeting', 'exchange', 'training', 'report'] as const)[n % 5],
        summary:
          n === 0 ? `Delegation from ${b.name} visits ${a.name}` : `Exchange ${n + 1} on ${sharedThemes(a, b)[0] ?? 'the action plan'}`,
        participants: [`${a.name} city hall`, `${b.name} city hall`],
      });
    }
  }
  const milestones: DemoPartnership['milestones'] = [];
  if (signed !== null) {
    milestones.push({
      id: idOf('milestone:plan'),
      title: 'Action plan adopted',
      dueOn: day(signed - 60),
      doneOn: started !== null ? day(started) : null,
      responsible: a.name,
    });
    // An implementing one has its yearly report coming up (a reminder within 30 days).
    if (stage === 'implementing')
      milestones.push({
        id: idOf('milestone:report'),
        title: 'Yearly report',
        dueOn: day(-between([5, 25])),
        doneOn: null,
        responsible: b.name,
      });
  }
  const early = NEXT_STEPS[stage];
  return {
    id: idOf('partnership'),
    memberA: a.id,
    memberB: b.id,
    kind: KINDS[index % KINDS.length],
    themes: sharedThemes(a, b),
    stage,
    origin: index % 3 === 0 ? 'mutual-interest' : 'secretariat',
    owner: OWNERS[index % OWNERS.length],
    nextStep: early ?? null,
    nextStepDue: early ? day(-between([7, 60])) : null,
    agreement,
    declineReason: stage === 'declined' ? steps[steps.length - 1].reason : null,
    endReason: stage === 'ended' ? steps[steps.length - 1].reason : null,
    endedOn: stage === 'ended' ? day(on('ended')) : null,
    steps,
    milestones,
    activities,
  };
}

/** The stages a partnership passed through to reach `stage`. */
function pathTo(stage: Stage, random: Random): Stage[] {
  if (stage === 'declined') return [...PATH.slice(0, 1 + Math.floor(random() * 3)), 'declined'];
  if (stage === 'dormant') return [...PATH, 'dormant'];
  if (stage === 'ended') return [...PATH, 'ended'];
  return PATH.slice(0, PATH.indexOf(stage) + 1);
}

/** A version-4-shaped id from a key: the same on every run, so the seed can tell which it made already. */
export function demoUuid(key: string): string {
  const random = seededRandom(`demo-partnership-id:${key}`);
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
