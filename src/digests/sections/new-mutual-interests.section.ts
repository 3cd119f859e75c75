import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { MembersService } from '../../members';
import { NotificationsService } from '../../notifications';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';
import { eventItem, namesOf } from './partnership-news';

/** For the secretariat: the pairs that became mutually interested since its last digest, each with its new partnership. */
@Injectable()
export class NewMutualInterestsSection implements DigestSection {
  readonly key = 'new-mutual-interests';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly members: MembersService,
  ) {}

  async build({ user, since, until }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'secretariat') return null;
    const found = await this.notifications.between(null, ['mutual-interest'], since, until);
    if (found.length === 0) return null;
    const names = await namesOf(this.members, found);
    const context = { publicUrl: this.config.publicUrl, timeZone: user.timeZone };
    return {
      key: this.key,
      heading: found.length === 1 ? 'A new mutual interest' : `${found.length} new mutual interests`,
      items: found.map((notification) => eventItem(notification, names, context)),
    };
  }
}
