/** CityMatch matching: reciprocal partner scoring, explanations, ranking and the all-pairs kernel. */
export { compareCandidates, MAX_LEVEL, type GovernmentLevel, type MatchProfile, type ScoredCandidate } from './profile';
export {
  COMPONENTS,
  DEFAULT_WEIGHTS,
  STORED_COMPONENTS,
  WEIGHT_KEYS,
  type ComponentKey,
  type ComponentScores,
  type ComponentSpec,
  type StoredComponentName,
  type Weights,
} from './component-table';
export { InvalidWeightsError, normaliseWeights } from './weights';
export { EARTH_RADIUS_KM, GEO_SCALE_KM } from './pair-math';
export { distanceKm, geoProximity, populationSimilarity, sharedLanguage, sharedNeeds, thematicFit, tierFit } from './pair-functions';
export { pairComponents, type PairComponents } from './components';
export { StoredComponentsWriter } from './stored-components';
export { arePartners, ineligibilityReasons, isCandidate, type IneligibilityReason } from './eligibility';
export { directionalScores, matchScore } from './score';
export { explainMatch, type DirectionExplanation, type MatchExplanation, type SharedNeed, type ThemeFit } from './explain';
export { MAX_PER_COUNTRY, rankCandidates, rankPrepared, type CandidateFilter, type RankOptions } from './rank';
export { InvalidProfileError } from './kernel/invalid-profile-error';
export { prepareDataset, type PreparedDataset } from './kernel/prepared-dataset';
export { replaceMember } from './kernel/replace-member';
export { computeTopK, computeTopKSync, pairsInRange, type TopKOptions, type TopKProgress } from './kernel/compute-top-k';
export { TopKLists } from './kernel/top-k-lists';
export { TopKPool } from './kernel/top-k-pool';
export {
  affectedBy,
  listsTouchedBy,
  type IncrementalOptions,
  type ListBar,
  type IncrementalUpdate,
  type ListChange,
  type ListChangeKind,
} from './incremental';
