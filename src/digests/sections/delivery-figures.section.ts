import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { DeliveriesRepository } from '../deliveries.repository';
import { previousWeek } from '../iso-week';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';

/** For the secretariat: how last week's digests went. */
@Injectable()
export class DeliveryFiguresSection implements DigestSection {
  readonly key = 'delivery-figures';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async build({ user, week }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'secretariat') return null;
    const lastWeek = previousWeek(week);
    const rows = (await this.deliveries.runs(60)).filter((row) => row.week === lastWeek);
    if (rows.length === 0) return null;
    const count = (status: string) => rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);
    const skipped = rows
      .filter((row) => row.status === 'skipped')
      .map((row) => `${row.count} ${row.reason ?? 'other'}`)
      .join(', ');
    return {
      key: this.key,
      heading: `Last week's digests (${lastWeek})`,
      items: [
        {
          title: `${count('sent')} sent, ${count('skipped')} skipped, ${count('failed')} failed`,
          detail: skipped ? `skipped: ${skipped}` : 'none skipped',
          link: `${this.config.publicUrl}/operations/digests?week=${lastWeek}`,
        },
      ],
    };
  }
}
