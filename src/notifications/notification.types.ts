export const NOTIFICATION_KINDS = ['mutual-interest', 'stage-changed', 'milestone-due', 'dormant'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who a notification is for: one member's officials, or the secretariat. */
export type Audience = { memberId: string } | 'secretariat';

export interface NewNotification {
  audience: Audience;
  kind: NotificationKind;
  partnershipId: string | null;
  message: string;
  data?: Record<string, unknown>;
  /** Events that may be raised twice (a job run again) carry one key: the second is not recorded. */
  dedupeKey?: string;
}

export interface Notification {
  id: string;
  memberId: string | null;
  kind: NotificationKind;
  partnershipId: string | null;
  message: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
