import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { MembersService } from '../../members';
import { DeliveryBatches } from '../delivery-batches';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';
import { eventItem, namesOf } from './partnership-news';

/** For an official: the cities that became mutually interested in its member since its last digest. */
@Injectable()
export class MutualInterestsSection implements DigestSection {
  readonly key = 'mutual-interests';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly batches: DeliveryBatches,
    private readonly members: MembersService,
  ) {}

  async build({ user, since, until }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'city_official' || !user.memberId) return null;
    const found = await this.batches.notificationsBetween(user.memberId, ['mutual-interest'], since, until);
    if (found.length === 0) return null;
    const names = await namesOf(this.members, found);
    const context = { publicUrl: this.config.publicUrl, timeZone: user.timeZone, memberId: user.memberId };
    return {
      key: this.key,
      heading: found.length === 1 ? 'A mutual interest' : `${found.length} mutual interests`,
      items: found.map((notification) => eventItem(notification, names, context)),
    };
  }
}
