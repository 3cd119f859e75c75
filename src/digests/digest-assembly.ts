import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config';
import type { AppConfig } from '../config';
import type { UserRow } from '../users';
import { DeliveryBatches } from './delivery-batches';
import { localDateTime, weekNumberOf } from './iso-week';
import { DigestRenderer } from './render/digest-renderer';
import { DIGEST_SECTIONS, type DigestRecipient, type DigestSection, type DigestSectionContent } from './sections/digest-section';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const WEEK_MS = 7 * 86_400_000;
/** A digest tells at most this far back, however long ago the last one went out (a user unsubscribed for months). */
const NEWS_LOOKBACK_MS = 4 * WEEK_MS;

export interface AssembledDigest {
  subject: string;
  html: string;
  text: string;
  sections: DigestSectionContent[];
  suggestions: Array<{ id: string; score: number }>;
  /** The news told runs up to here; the next digest starts from it. */
  coveredUntil: Date;
  unsubscribeApiUrl: string;
}

/** A recipient's digest of a week: the sections with something to say, rendered. Null when none has. */
@Injectable()
export class DigestAssembly {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DIGEST_SECTIONS) private readonly sectionTypes: DigestSection[],
    private readonly batches: DeliveryBatches,
    private readonly renderer: DigestRenderer,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async assemble(user: UserRow, week: string, now: Date): Promise<AssembledDigest | null> {
    const earlier = await this.batches.earlierDigests(user.id, week);
    const recipient: DigestRecipient = {
      user,
      week,
      since: newsSince(earlier.coveredUntil, now),
      until: now,
      recentlyShown: earlier.recentlyShown,
    };
    const sections: DigestSectionContent[] = [];
    for (const type of this.sectionTypes) {
      const content = await type.build(recipient);
      if (content && content.items.length > 0) sections.push(content);
    }
    if (sections.length === 0) return null;

    const weekNumber = weekNumberOf(week);
    const subject = subjectOf(user, sections, weekNumber);
    const token = await this.tokens.sign(user.id);
    const unsubscribeUrl = `${this.config.publicUrl}/unsubscribe?token=${token}`;
    const { html, text } = this.renderer.render({
      subject,
      preview: sections.map((section) => section.heading).join(' · '),
      weekNumber,
      name: user.name,
      intro: user.role === 'secretariat' ? 'Here is the network this week.' : `Here is what is new for ${user.memberName ?? 'your city'}.`,
      sections,
      sentAt: localDateTime(now, user.timeZone),
      unsubscribeUrl,
      settingsUrl: `${this.config.publicUrl}/settings`,
    });
    return {
      subject,
      html,
      text,
      sections,
      suggestions: sections.flatMap((section) => section.suggestions ?? []),
      coveredUntil: now,
      unsubscribeApiUrl: `${this.config.publicUrl}/api/v1/digests/unsubscribe?token=${token}`,
    };
  }
}

/** News starts where the last sent digest's ended, so nothing is told twice; a week back when there is none recent. */
function newsSince(covered: Date | null, now: Date): Date {
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  return covered && covered.getTime() > now.getTime() - NEWS_LOOKBACK_MS && covered < now ? covered : weekAgo;
}

/** What is inside, in the subject: "3 new partner suggestions for Iloilo — week 49". */
function subjectOf(user: UserRow, sections: DigestSectionContent[], weekNumber: number): string {
  const suggestions = sections.find((section) => section.key === 'suggestions')?.items.length ?? 0;
  if (user.role === 'city_official' && suggestions > 0) {
    return `${suggestions} new partner suggestion${suggestions === 1 ? '' : 's'} for ${user.memberName} — week ${weekNumber}`;
  }
  if (user.role === 'secretariat') {
    const pairs = sections.find((section) => section.key === 'network-matches')?.items.length ?? 0;
    return `Network summary: ${pairs} pair${pairs === 1 ? '' : 's'} to broker — week ${weekNumber}`;
  }
  const what = sections.map((section) => section.heading).join(', ');
  return user.memberName ? `${what} for ${user.memberName} — week ${weekNumber}` : `${what} — week ${weekNumber}`;
}
