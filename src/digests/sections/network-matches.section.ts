import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { OPEN_STAGES, PartnershipsService } from '../../partnerships';
import { NetworkPairsService } from '../../suggestions';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';

const PAIRS = 10;

/** For the secretariat: the network's best pairs that are not partners yet and have no open partnership, to broker. */
@Injectable()
export class NetworkMatchesSection implements DigestSection {
  readonly key = 'network-matches';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pairs: NetworkPairsService,
    private readonly partnerships: PartnershipsService,
  ) {}

  async build({ user }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'secretariat') return null;
    // Pairs already being brokered (an open partnership) are left out; a few more are read to make up for them.
    const { matches: best } = await this.pairs.pairs({ limit: PAIRS * 3, ranking: 'score' });
    const current = await this.partnerships.currentOfPairs(best.map(({ members: [a, b] }) => [a.id, b.id]));
    const matches = best
      .filter(({ members: [a, b] }) => {
        const partnership = current.get(`${a.id}|${b.id}`);
        return !partnership || !OPEN_STAGES.includes(partnership.stage);
      })
      .slice(0, PAIRS);
    if (matches.length === 0) return null;
    return {
      key: this.key,
      heading: `The ${matches.length} best pairs to broker`,
      items: matches.map(({ score, members: [a, b] }) => ({
        title: `${a.name} (${a.country}) ↔ ${b.name} (${b.country})`,
        detail: `each is in the other's suggestions; score ${score.toFixed(2)}`,
        link: `${this.config.publicUrl}/network/matches`,
      })),
    };
  }
}
