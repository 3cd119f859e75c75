import {
  explainMatch,
  rankCandidates,
  type MatchExplanation,
  type MatchProfile,
  type ScoredCandidate,
  type Weights,
} from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { memberNotFound } from '../http/api-errors';
import { SuggestionsQuery } from './dto/suggestions.query';
import { MatchingSettingsService } from './matching-settings.service';
import { loadActiveProfiles, loadProfile, loadProfiles } from './member-profiles';
import { currentGeneration, type Generation, readListsOf } from './suggestion-store';

export interface SuggestionView {
  rank: number;
  memberId: string;
  name: string;
  country: string;
  subregion: string;
  population: number;
  score: number;
  /** With explain=true: what the candidate brings to the member (aFromB), the reverse, the themes and reasons. */
  explanation?: Pick<MatchExplanation, 'aFromB' | 'bFromA' | 'themes' | 'reasons' | 'distanceKm'>;
}

export interface SuggestionsView {
  memberId: string;
  /** The stored generation answered from, or null when the list was ranked live (filters, or none stored yet). */
  generation: { id: number; computedAt: string | null } | null;
  filtered: boolean;
  suggestions: SuggestionView[];
}

const FILTERS = ['theme', 'subregion', 'minPopulation', 'maxPopulation', 'language', 'diversify'] as const;

/** Answers suggestion queries: unfiltered ones from the stored lists, filtered ones by ranking all members. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: MatchingSettingsService,
  ) {}

  async forMember(memberId: string, query: SuggestionsQuery): Promise<SuggestionsView> {
    const member = await loadProfile(this.dataSource.manager, memberId);
    if (!member) throw memberNotFound(memberId);
    const filtered = FILTERS.some((filter) => query[filter] !== undefined && query[filter] !== false);
    const generation = filtered ? undefined : await currentGeneration(this.dataSource.manager);

    let ranked: ScoredCandidate[];
    let weights: Weights;
    if (generation) {
      weights = generation.weights as unknown as Weights;
      const stored = await readListsOf(this.dataSource.manager, generation.id, [memberId]);
      ranked = (stored.get(memberId) ?? []).slice(0, query.limit);
    } else {
      weights = await this.settings.weights();
      const all = await loadActiveProfiles(this.dataSource.manager);
      ranked = member.status === 'active' ? rankCandidates(member, all, { k: query.limit, weights, filter: query, diversify: query.diversify }) : [];
    }
    const candidates = await this.profilesOf(ranked.map((candidate) => candidate.id));
    return {
      memberId,
      generation: generation ? { id: generation.id, computedAt: generation.finishedAt ? new Date(generation.finishedAt).toISOString() : null } : null,
      filtered,
      suggestions: ranked.map((candidate, index) => {
        const other = candidates.get(candidate.id)!;
        const view: SuggestionView = {
          rank: index + 1,
          memberId: candidate.id,
          name: other.name ?? candidate.id,
          country: other.country,
          subregion: other.subregion ?? '',
          population: other.population,
          score: candidate.score,
        };
        if (query.explain) {
          const explanation = explainMatch(member, other, weights);
          const { aFromB, bFromA, themes, reasons, distanceKm } = explanation;
          view.explanation = { aFromB, bFromA, themes, reasons, distanceKm };
        }
        return view;
      }),
    };
  }

  /** The best mutual pairs of the network not yet partners: each pair once, both in the other's list. */
  async matches(limit: number) {
    const generation = await currentGeneration(this.dataSource.manager);
    if (!generation) return { generation: null, matches: [] };
    const rows: Array<{ a: string; b: string; score: number; a_name: string; b_name: string; a_country: string; b_country: string }> =
      await this.dataSource.query(
        `WITH pairs AS (
           SELECT l.member_id, e.candidate_id, e.score
           FROM suggestion_lists l, unnest(l.candidate_ids, l.scores) AS e(candidate_id, score)
           WHERE l.generation_id = $1)
         SELECT s.member_id AS a, s.candidate_id AS b, s.score, ma.name AS a_name, mb.name AS b_name,
                ma.country AS a_country, mb.country AS b_country
         FROM pairs s
         JOIN pairs r ON r.member_id = s.candidate_id AND r.candidate_id = s.member_id
         JOIN members ma ON ma.id = s.member_id
         JOIN members mb ON mb.id = s.candidate_id
         WHERE s.member_id < s.candidate_id
         ORDER BY s.score DESC, s.member_id, s.candidate_id
         LIMIT $2`,
        [generation.id, limit],
      );
    return {
      generation: { id: generation.id, computedAt: generation.finishedAt },
      matches: rows.map((row) => ({
        score: row.score,
        members: [
          { id: row.a, name: row.a_name, country: row.a_country },
          { id: row.b, name: row.b_name, country: row.b_country },
        ],
      })),
    };
  }

  currentGeneration(): Promise<Generation | undefined> {
    return currentGeneration(this.dataSource.manager);
  }

  private async profilesOf(ids: string[]): Promise<Map<string, MatchProfile>> {
    if (ids.length === 0) return new Map();
    const rows = await loadProfiles(this.dataSource.manager, ids);
    return new Map(rows.map((row) => [row.id, row]));
  }
}
