import type { NewNotification } from '../notifications';
import type { PartnershipRecord } from './partnership.types';

/** Both members' officials and the secretariat hear of every event of a partnership, which names the pair. */
function toEveryone(p: PartnershipRecord, notice: Omit<NewNotification, 'audience' | 'partnershipId'>): NewNotification[] {
  return [{ memberId: p.memberA }, { memberId: p.memberB }, 'secretariat' as const].map((audience) => ({
    ...notice,
    data: { memberA: p.memberA, memberB: p.memberB, ...notice.data },
    audience,
    partnershipId: p.id,
  }));
}

export function stageChangeNotices(p: PartnershipRecord, from: string): NewNotification[] {
  if (p.stage === 'dormant') return dormancyNotices(p);
  return toEveryone(p, {
    kind: 'stage-changed',
    message: `partnership of ${p.memberA} and ${p.memberB} moved from ${from} to ${p.stage}`,
    data: { from, to: p.stage },
    dedupeKey: `stage:${p.id}:${p.version}`,
  });
}

export function dormancyNotices(p: PartnershipRecord): NewNotification[] {
  return toEveryone(p, {
    kind: 'dormant',
    message: `partnership of ${p.memberA} and ${p.memberB} has gone dormant; log an activity to revive it`,
    data: { since: p.stageChangedAt },
    dedupeKey: `dormant:${p.id}:${p.version}`,
  });
}

export function mutualInterestNotices(p: PartnershipRecord): NewNotification[] {
  return toEveryone(p, {
    kind: 'mutual-interest',
    message: `${p.memberA} and ${p.memberB} are interested in each other: a partnership has opened`,
    data: { memberA: p.memberA, memberB: p.memberB },
    dedupeKey: `mutual:${p.id}`,
  });
}

export function milestoneDueNotices(p: PartnershipRecord, milestone: { id: string; title: string; dueOn: string }): NewNotification[] {
  return toEveryone(p, {
    kind: 'milestone-due',
    message: `milestone "${milestone.title}" is due on ${milestone.dueOn}`,
    data: { milestoneId: milestone.id, dueOn: milestone.dueOn },
    dedupeKey: `milestone-due:${milestone.id}:${milestone.dueOn}`,
  });
}
