import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { BoardService } from '../../partnerships';
import type { DigestItem, DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';
import { localDay, partnershipLink } from './partnership-news';

/** At most this many of each list; the board has them all. */
const LISTED = 10;

/** For the secretariat: partnerships that need a push, stalled before an agreement or dormant after one, longest waiting first. */
@Injectable()
export class StalledAndDormantSection implements DigestSection {
  readonly key = 'stalled-and-dormant';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly board: BoardService,
  ) {}

  async build({ user }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'secretariat') return null;
    const { stalled, dormant } = await this.board.watchList(LISTED);
    if (stalled.length + dormant.length === 0) return null;
    const item = (row: (typeof stalled)[number], detail: string): DigestItem => ({
      title: `${row.nameA} (${row.countryA}) ↔ ${row.nameB} (${row.countryB})`,
      detail: `${detail} since ${localDay(row.since, user.timeZone)}`,
      link: partnershipLink(this.config.publicUrl, row.id),
    });
    return {
      key: this.key,
      heading: `${stalled.length} stalled and ${dormant.length} dormant partnership${stalled.length + dormant.length === 1 ? '' : 's'}`,
      items: [...stalled.map((row) => item(row, `stalled at ${row.stage}`)), ...dormant.map((row) => item(row, 'dormant'))],
    };
  }
}
