// The suggestions feature's public face: other features import only what is exported here.
export { SuggestionsJobsModule, SuggestionsModule } from './suggestions.module';
export { SuggestionsService, type SuggestionsView, type SuggestionView } from './api/suggestions.service';
export { NetworkPairsService, type NetworkPairsQuery, type PairFilter } from './api/network-pairs.service';
export { MatchingSettingsService } from './api/matching-settings.service';
export { RecomputeStatusService } from './pipeline/recompute-status.service';
