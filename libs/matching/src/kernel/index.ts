/**
 * The all-pairs kernel alone, with the weights it scores by: for a process that only computes
 * top-K lists (the match command), which then loads a third fewer modules than the whole library.
 */
export { COMPONENTS, type Weights } from '../component-table';
export { normaliseWeights } from '../weights';
export type { MatchProfile } from '../profile';
export { prepareDataset, type PreparedDataset } from './prepared-dataset';
export { computeTopK, type TopKOptions } from './compute-top-k';
export { TopKLists } from './top-k-lists';
export { TopKPool } from './top-k-pool';
