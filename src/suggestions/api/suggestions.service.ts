import {
  compareCandidates,
  explainMatch,
  matchScore,
  rankPrepared,
  type MatchProfile,
  type ScoredCandidate,
  type Weights,
} from '@citymatch/matching';
import { exclusionKeys, networkIneligibilityReasons, type NetworkRules } from '@citymatch/matching/balance';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { memberNotFound } from '../../http/api-errors';
import { SuggestionsQuery } from './dto/suggestions.query';
import type { Generation } from '../storage/generation';
import { SuggestionsRepository } from '../storage/suggestions.repository';
import { CountryExclusionsService } from '../exclusions/country-exclusions.service';
import { BalancedListsReadModel } from '../balance/balanced-lists-read-model';
import { BALANCED_LIST_SIZE } from '../balance/balanced-lists.service';
import type { Ranking } from './dto/suggestions.query';
import { fitOf, type FitBand, type ReadableExplanation, readableExplanation } from './readable-explanation';
import { type StoredList, SuggestionsReadModel } from './suggestions-read-model';

export interface SuggestionView {
  rank: number;
  memberId: string;
  name: string;
  country: string;
  subregion: string;
  population: number;
  /** Where the candidate is, for a map of the list without asking for each member. */
  lat: number;
  lon: number;
  score: number;
  /** The score as a fit from 0 to 100 and its band (strong, good, fair). */
  fit: number;
  band: FitBand;
  /** With explain=true: what each side brings the other, shared needs, languages and reasons, in words. */
  explanation?: ReadableExplanation;
}

export interface SuggestionsView {
  memberId: string;
  /** The stored generation answered from, or null when the list was ranked live (filters, a limit above the stored length, or none stored yet). */
  generation: { id: number; computedAt: string | null } | null;
  filtered: boolean;
  /** balanced: the default lists (see SuggestionsQuery.ranking); score: the pure score ranking. */
  ranking: Ranking;
  /** For balanced lists: when they were computed (they follow member changes within minutes). */
  balancedAt: string | null;
  suggestions: SuggestionView[];
}

const FILTERS = ['theme', 'subregion', 'minPopulation', 'maxPopulation', 'language', 'diversify'] as const;

/**
 * Answers suggestion queries from the read model in memory: unfiltered ones from the stored lists,
 * filtered ones, ones asking for more than a full stored list holds (its generation's k), and any
 * before a first generation is stored by ranking all members with the kernel.
 */
@Injectable()
export class SuggestionsService {
  /** Unfiltered answers as JSON, by the lists and members they were built from (both replaced on any change). */
  private readonly answers = new WeakMap<object, WeakMap<object, Map<string, string>>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: SuggestionsRepository,
    private readonly readModel: SuggestionsReadModel,
    private readonly exclusions: CountryExclusionsService,
    private readonly balanced: BalancedListsReadModel,
  ) {}

  /** Drops candidates of a country pair the secretariat excluded; the key names the exclusions in force. */
  private async exclusionFilter(member: MatchProfile, members: Map<string, MatchProfile>) {
    const excluded = exclusionKeys(await this.exclusions.rules());
    const key = [...excluded].sort().join(',');
    const keep = (list: ScoredCandidate[]) =>
      excluded.size === 0 ? list : list.filter((c) => !excluded.has(`${member.country}:${members.get(c.id)?.country}`));
    return { key, keep };
  }

  /** Loads what the first query reads, ahead of it (see SuggestionsReadModel.warmUp). */
  warmUp(): Promise<void> {
    return this.readModel.warmUp();
  }

  async forMember(memberId: string, query: SuggestionsQuery): Promise<SuggestionsView> {
    return (await this.answer(memberId, query)).view();
  }

  /** forMember as JSON text: unfiltered answers are serialised once per version of what they show. */
  async forMemberJson(memberId: string, query: SuggestionsQuery): Promise<string> {
    return (await this.answer(memberId, query)).json();
  }

  private async answer(memberId: string, query: SuggestionsQuery): Promise<{ view(): SuggestionsView; json(): string }> {
    const members = await this.readModel.profiles();
    const member = members.get(memberId);
    if (!member) throw memberNotFound(memberId);
    const filtered = FILTERS.some((filter) => query[filter] !== undefined && query[filter] !== false);
    if (this.config.suggestions.balancedLists && !filtered && query.ranking !== 'score' && query.limit <= BALANCED_LIST_SIZE) {
      const balanced = await this.balancedAnswer(member, query, members);
      if (balanced) return balanced;
    }
    const storedList = filtered ? undefined : await this.readModel.stored(memberId);
    // A full stored list holds only the best k: a longer page would be cut short, so it is ranked live.
    // A shorter list already holds every candidate there is.
    const cutShort = storedList?.generation && query.limit > storedList.list.length && storedList.list.length >= storedList.generation.k;
    const stored = cutShort ? undefined : storedList;
    const generation = stored?.generation;
    const exclusions = await this.exclusionFilter(member, members);
    if (stored && generation && !query.explain) {
      const view = () =>
        this.view(
          member,
          memberId,
          query,
          filtered,
          generation,
          exclusions.keep(stored.list).slice(0, query.limit),
          generation.weights,
          members,
        );
      const key = `${exclusions.key}:${query.limit}:${memberId}`;
      return { view, json: () => this.memoised(stored.version, members, key, () => JSON.stringify(view())) };
    }

    let ranked: ScoredCandidate[];
    let weights: Weights;
    if (stored && generation) {
      weights = generation.weights;
      ranked = exclusions.keep(stored.list).slice(0, query.limit);
    } else {
      weights = await this.readModel.weights();
      const { theme, subregion, minPopulation, maxPopulation, language } = query;
      ranked = rankPrepared(this.readModel.preparedOf(members), memberId, (id) => members.get(id), {
        k: query.limit,
        weights,
        filter: { theme, subregion, minPopulation, maxPopulation, language },
        diversify: query.diversify,
      });
      ranked = exclusions.keep(ranked);
    }
    const view = this.view(member, memberId, query, filtered, generation, ranked, weights, members);
    return { view: () => view, json: () => JSON.stringify(view) };
  }

  /**
   * The member's default list, or undefined before the first balancing run. Entries that became
   * ineligible since the run (a dismissal, a partnership, a member closed or excluded) are left out
   * at once; the next run fills their places.
   */
  private async balancedAnswer(member: MatchProfile, query: SuggestionsQuery, members: Map<string, MatchProfile>) {
    const { run, lists } = await this.balanced.lists();
    if (!run) return undefined;
    const rules: NetworkRules = await this.exclusions.rules();
    const weights = await this.readModel.weights();
    // Scored again from the members as they are now: exact even for a change the run has not seen yet.
    const list = (lists.get(member.id) ?? [])
      .flatMap(({ id }) => {
        const other = members.get(id);
        if (!other || networkIneligibilityReasons(member, other, rules).length > 0) return [];
        return [{ id, score: matchScore(member, other, weights) }];
      })
      .sort(compareCandidates);
    const view: SuggestionsView = {
      ...this.view(member, member.id, query, false, undefined, list.slice(0, query.limit), weights, members),
      ranking: 'balanced',
      balancedAt: new Date(run.computedAt).toISOString(),
    };
    return { view: () => view, json: () => JSON.stringify(view) };
  }

  private memoised(lists: object, members: object, key: string, build: () => string): string {
    let byMembers = this.answers.get(lists);
    if (!byMembers) this.answers.set(lists, (byMembers = new WeakMap()));
    let answers = byMembers.get(members);
    if (!answers) byMembers.set(members, (answers = new Map()));
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = build()));
    return answer;
  }

  private view(
    member: MatchProfile,
    memberId: string,
    query: SuggestionsQuery,
    filtered: boolean,
    generation: StoredList['generation'] | undefined,
    ranked: ScoredCandidate[],
    weights: Weights,
    members: Map<string, MatchProfile>,
  ): SuggestionsView {
    return {
      memberId,
      generation: generation
        ? { id: generation.id, computedAt: generation.finishedAt ? new Date(generation.finishedAt).toISOString() : null }
        : null,
      filtered,
      ranking: 'score',
      balancedAt: null,
      suggestions: ranked.map((candidate, index) => {
        const other = members.get(candidate.id)!;
        const view: SuggestionView = {
          rank: index + 1,
          memberId: candidate.id,
          name: other.name ?? candidate.id,
          country: other.country,
          subregion: other.subregion ?? '',
          population: other.population,
          lat: other.lat,
          lon: other.lon,
          score: candidate.score,
          ...fitOf(candidate.score),
        };
        if (query.explain) view.explanation = readableExplanation(member, other, explainMatch(member, other, weights));
        return view;
      }),
    };
  }

  /**
   * Why each candidate suits the member, in one sentence (the first reason of its explanation), with
   * the weights in force. For a few chosen candidates: a digest explains the five it shows, not the
   * whole lists it chose them from.
   */
  async firstReasons(memberId: string, candidateIds: readonly string[]): Promise<Map<string, string>> {
    const members = await this.readModel.profiles();
    const member = members.get(memberId);
    if (!member) throw memberNotFound(memberId);
    const weights = await this.readModel.weights();
    const reasons = new Map<string, string>();
    for (const id of candidateIds) {
      const candidate = members.get(id);
      if (candidate) reasons.set(id, readableExplanation(member, candidate, explainMatch(member, candidate, weights)).reasons[0] ?? '');
    }
    return reasons;
  }

  currentGeneration(): Promise<Generation | undefined> {
    return this.repository.currentGeneration();
  }
}
