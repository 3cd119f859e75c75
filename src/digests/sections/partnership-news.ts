import { DateTime } from 'luxon';
import type { MembersService } from '../../members';
import type { Notification } from '../../notifications';
import type { DigestItem } from './digest-section';

export interface MemberName {
  name: string;
  country: string;
}

/** A partnership's page in the web app. */
export function partnershipLink(publicUrl: string, partnershipId: string | null): string {
  return partnershipId ? `${publicUrl}/partnerships/${encodeURIComponent(partnershipId)}` : `${publicUrl}/partnerships`;
}

/** "Suva (FJ)". */
export function named(member: MemberName): string {
  return `${member.name} (${member.country})`;
}

/** A day as the recipient reads it: "7 Dec 2026". */
export function localDay(instant: Date | string, timeZone: string): string {
  return DateTime.fromJSDate(new Date(instant), { zone: timeZone }).toFormat('d LLL yyyy');
}

/** The names of the members the notifications speak of (their pair is in `data`), one read per member. */
export async function namesOf(members: MembersService, notifications: Notification[]): Promise<Map<string, MemberName>> {
  const ids = new Set(notifications.flatMap((n) => [n.data.memberA, n.data.memberB]).filter((id): id is string => typeof id === 'string'));
  const names = new Map<string, MemberName>();
  for (const id of ids) {
    const member = await members.get(id).catch(() => null);
    if (member) names.set(id, { name: member.name, country: member.country });
  }
  return names;
}

/** The pair of a notification as "A ↔ B", or, seen from one of them, the other one. */
export function pairOf(notification: Notification, names: Map<string, MemberName>, seenFrom?: string): string | null {
  const { memberA, memberB } = notification.data as { memberA?: string; memberB?: string };
  if (!memberA || !memberB) return null;
  const label = (id: string) => (names.has(id) ? named(names.get(id)!) : id);
  if (seenFrom === memberA) return label(memberB);
  if (seenFrom === memberB) return label(memberA);
  return `${label(memberA)} ↔ ${label(memberB)}`;
}

/** One event of a partnership as a digest line, for an official of `memberId` (or the secretariat). */
export function eventItem(
  notification: Notification,
  names: Map<string, MemberName>,
  context: { publicUrl: string; timeZone: string; memberId?: string },
): DigestItem {
  const pair = pairOf(notification, names, context.memberId);
  const data = notification.data as { from?: string; to?: string; dueOn?: string };
  const on = localDay(notification.createdAt, context.timeZone);
  const link = partnershipLink(context.publicUrl, notification.partnershipId);
  const withWhom = pair ? `Partnership with ${pair}` : 'A partnership';
  switch (notification.kind) {
    case 'mutual-interest':
      return {
        title: pair ? `Mutual interest: ${pair}` : 'A mutual interest',
        detail: `both sides interested; a partnership opened on ${on}`,
        link,
      };
    case 'stage-changed':
      return { title: `${withWhom}: ${data.from} → ${data.to}`, detail: `moved on ${on}`, link };
    case 'milestone-due':
      return { title: `${withWhom}: a milestone is due on ${data.dueOn}`, detail: notification.message, link };
    case 'dormant':
      return { title: `${withWhom} has gone dormant`, detail: `since ${on}; log an activity to revive it`, link };
  }
}
