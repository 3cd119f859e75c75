import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { SuggestionsService } from '../../suggestions';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';

const PAIRS = 10;

/** For the secretariat: the network's best pairs that are not partners yet, to broker. */
@Injectable()
export class NetworkMatchesSection implements DigestSection {
  readonly key = 'network-matches';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly suggestions: SuggestionsService,
  ) {}

  async build({ user }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'secretariat') return null;
    const { matches } = await this.suggestions.matches(PAIRS);
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
