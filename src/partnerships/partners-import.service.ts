import { Injectable, Logger } from '@nestjs/common';
import { MembersService } from '../members';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';
import { orderedPair } from './partnership-view';

/**
 * Imported members may list partners: each listed pair without an open partnership gets one at
 * implementing (origin imported), so that the partnerships stay the source of truth for `partners`.
 */
@Injectable()
export class PartnersImportService {
  private readonly logger = new Logger(PartnersImportService.name);

  constructor(
    private readonly members: MembersService,
    private readonly partnerships: PartnershipsService,
    private readonly repository: PartnershipsRepository,
  ) {}

  async openMissing(memberIds: string[]): Promise<{ opened: number }> {
    const pairs = new Map<string, [string, string]>();
    for (const id of memberIds) {
      const member = await this.members.get(id).catch(() => undefined);
      for (const partner of member?.partners ?? []) {
        const pair = orderedPair(id, partner);
        pairs.set(pair.join(' '), pair);
      }
    }
    let opened = 0;
    for (const [memberA, memberB] of pairs.values()) {
      if (await this.repository.openForPair(memberA, memberB)) continue;
      await this.partnerships.open({ memberA, memberB }, { origin: 'imported', actor: null, stage: 'implementing' }).then(
        () => (opened += 1),
        // Another writer opened the pair in between: the pair has its partnership.
        (error: Error) => this.logger.warn(`partnership for ${memberA} and ${memberB} not opened: ${error.message}`),
      );
    }
    return { opened };
  }
}
