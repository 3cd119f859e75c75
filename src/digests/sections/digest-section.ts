import type { UserRow } from '../../users';

/** Who a digest is for, and which week it covers. */
export interface DigestRecipient {
  user: UserRow;
  week: string;
  /** Start of the news covered: where the previous sent digest's news ended, or a week before `until`. */
  since: Date;
  /** End of the news covered (exclusive): when the digest is assembled. */
  until: Date;
  /** The suggestions of the user's last sent digests before this week, newest first (the "not again" rule). */
  recentlyShown: Array<{ ids: string[]; scores: number[] }>;
}

export interface DigestItem {
  title: string;
  /** One line: why it is here. */
  detail: string;
  link: string;
}

export interface DigestSectionContent {
  key: string;
  heading: string;
  items: DigestItem[];
  /** Suggestions carried (ids and scores), remembered for the "not again" rule. */
  suggestions?: Array<{ id: string; score: number }>;
}

/**
 * One part of a digest. A digest is the sections that have something to say to its recipient;
 * a new kind of news (partnership events, mutual interests) is one more class in DIGEST_SECTIONS.
 */
export interface DigestSection {
  readonly key: string;
  /** Null or no items: nothing to say this week. */
  build(recipient: DigestRecipient): Promise<DigestSectionContent | null>;
}

export const DIGEST_SECTIONS = Symbol('DIGEST_SECTIONS');
