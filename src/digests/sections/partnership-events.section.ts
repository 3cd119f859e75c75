import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { MembersService } from '../../members';
import type { NotificationKind } from '../../notifications';
import { DeliveryBatches } from '../delivery-batches';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';
import { eventItem, namesOf, partnershipLink } from './partnership-news';

const EVENTS: readonly NotificationKind[] = ['stage-changed', 'milestone-due', 'dormant'];
/** The secretariat's week may hold many: the first ones are listed, the board has the rest. */
const LISTED = 20;

/**
 * What moved in partnerships since the recipient's last digest (stage changes, milestones due within 30 days, dormancy):
 * an official's member's, or, for the secretariat, the network's.
 */
@Injectable()
export class PartnershipEventsSection implements DigestSection {
  readonly key = 'partnership-events';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly batches: DeliveryBatches,
    private readonly members: MembersService,
  ) {}

  async build({ user, since, until }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'secretariat' && !user.memberId) return null;
    // null reads the secretariat's notifications.
    const audience = user.role === 'secretariat' ? null : user.memberId;
    const found = await this.batches.notificationsBetween(audience, EVENTS, since, until);
    if (found.length === 0) return null;
    const listed = found.slice(0, LISTED);
    const names = await namesOf(this.members, listed);
    const context = { publicUrl: this.config.publicUrl, timeZone: user.timeZone, memberId: audience ?? undefined };
    const items = listed.map((notification) => eventItem(notification, names, context));
    if (found.length > listed.length)
      items.push({
        title: `…and ${found.length - listed.length} more`,
        detail: 'on the board',
        link: partnershipLink(this.config.publicUrl, null),
      });
    return {
      key: this.key,
      heading: found.length === 1 ? 'A partnership event' : `${found.length} partnership events`,
      items,
    };
  }
}
