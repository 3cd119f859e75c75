import { explainMatch, matchScore } from '@citymatch/matching';
import { networkIneligibilityReasons, type NetworkIneligibilityReason, type NetworkProfile } from '@citymatch/matching/balance';
import { Injectable } from '@nestjs/common';
import { memberNotFound } from '../../http/api-errors';
import { CountryExclusionsService } from '../exclusions/country-exclusions.service';
import { fitOf, readableExplanation } from './readable-explanation';
import { SuggestionsReadModel } from './suggestions-read-model';

/** What keeps a pair apart, in words. */
const RULE_WORDS: Record<NetworkIneligibilityReason, string> = {
  'same-member': 'a member is not matched with itself',
  inactive: 'only active members are matched',
  'same-country': 'both are in the same country, and partnerships are international',
  'no-thematic-fit': 'neither offers a theme the other needs',
  partners: 'they are already partners',
  dismissed: 'the member dismissed the candidate',
  'not-open': 'one of them is not open to new partnerships',
  'excluded-country-pair': 'the secretariat excluded matching between their countries',
};

/** The explanation of any two members, with every rule that makes the pair ineligible. */
@Injectable()
export class PairExplanationService {
  constructor(
    private readonly readModel: SuggestionsReadModel,
    private readonly exclusions: CountryExclusionsService,
  ) {}

  async explain(memberId: string, candidateId: string) {
    const members = await this.readModel.profiles();
    const member = members.get(memberId) as NetworkProfile | undefined;
    const candidate = members.get(candidateId) as NetworkProfile | undefined;
    if (!member) throw memberNotFound(memberId);
    if (!candidate) throw memberNotFound(candidateId);
    const weights = await this.readModel.weights();
    const rules = networkIneligibilityReasons(member, candidate, await this.exclusions.rules()).filter(
      // A closed member reads as inactive to the matching; 'not-open' says why.
      (rule) => rule !== 'inactive' || [member, candidate].some((p) => p.openToPartnerships !== false),
    );
    const score = matchScore(member, candidate, weights);
    return {
      member: { id: member.id, name: member.name ?? member.id, country: member.country },
      candidate: { id: candidate.id, name: candidate.name ?? candidate.id, country: candidate.country },
      eligible: rules.length === 0,
      ineligibleBecause: rules.map((rule) => ({ rule, says: RULE_WORDS[rule] })),
      score,
      ...fitOf(score),
      explanation: readableExplanation(member, candidate, explainMatch(member, candidate, weights)),
    };
  }
}
