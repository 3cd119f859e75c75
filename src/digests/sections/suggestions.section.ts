import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config';
import type { AppConfig } from '../../config';
import { SuggestionsService } from '../../suggestions';
import type { DigestRecipient, DigestSection, DigestSectionContent } from './digest-section';

export const MAX_SUGGESTIONS = 5;
/** A candidate in one of the last digests (DigestRecipient.recentlyShown) comes back only if its score rose at least this much. */
export const RETURN_AFTER_RISE = 0.02;
const LOOKED_AT = 50;

type SuggestionsQuery = Parameters<SuggestionsService['forMember']>[1];
type Suggestion = Awaited<ReturnType<SuggestionsService['forMember']>>['suggestions'][number];

/**
 * The member's default list (balanced where it is served) first, then the score ranking's next candidates.
 * Unexplained: only the few chosen are explained (explaining 20 or 50 candidates per recipient was most of a
 * large week's time).
 */
const LISTS_LOOKED_AT: SuggestionsQuery[] = [{ limit: 20 } as SuggestionsQuery, { limit: LOOKED_AT, ranking: 'score' } as SuggestionsQuery];

/** For an official: the member's best new or improved partner suggestions, each with its one-line reason. */
@Injectable()
export class SuggestionsSection implements DigestSection {
  readonly key = 'suggestions';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly suggestions: SuggestionsService,
  ) {}

  async build({ user, recentlyShown }: DigestRecipient): Promise<DigestSectionContent | null> {
    if (user.role !== 'city_official' || !user.memberId) return null;
    const memberId = user.memberId;
    const shownBefore = new Map<string, number>();
    for (const digest of recentlyShown) {
      digest.ids.forEach((id, index) => shownBefore.set(id, Math.max(shownBefore.get(id) ?? -Infinity, digest.scores[index])));
    }
    const candidates = new Map<string, Suggestion>();
    for (const query of LISTS_LOOKED_AT) {
      const list = await this.suggestions.forMember(memberId, query).catch(() => null);
      if (!list) return null;
      for (const candidate of list.suggestions) if (!candidates.has(candidate.memberId)) candidates.set(candidate.memberId, candidate);
      if (candidates.size >= MAX_SUGGESTIONS + shownBefore.size) break; // enough to choose from
    }
    const chosen = [...candidates.values()]
      .filter((candidate) => {
        const before = shownBefore.get(candidate.memberId);
        return before === undefined || candidate.score - before >= RETURN_AFTER_RISE - 1e-9;
      })
      .slice(0, MAX_SUGGESTIONS);
    if (chosen.length === 0) return null;
    const reasons = await this.suggestions.firstReasons(
      memberId,
      chosen.map((candidate) => candidate.memberId),
    );
    return {
      key: this.key,
      heading: chosen.length === 1 ? 'A partner suggestion' : `${chosen.length} partner suggestions`,
      items: chosen.map((candidate) => ({
        title: `${candidate.name} (${candidate.country}) — score ${candidate.score.toFixed(2)}`,
        detail: `${reasons.get(candidate.memberId) ?? ''}${shownBefore.has(candidate.memberId) ? ' (score risen since you last saw it)' : ''}`,
        link: `${this.config.publicUrl}/members/${encodeURIComponent(memberId)}/suggestions?candidate=${encodeURIComponent(candidate.memberId)}`,
      })),
      suggestions: chosen.map((candidate) => ({ id: candidate.memberId, score: candidate.score })),
    };
  }
}
