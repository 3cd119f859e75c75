/** Default suggestion lists balanced across countries and members; the pure ranking stays as it is. */
export { DEFAULT_BALANCE, type BalanceOptions } from './balance-options';
export { balanceLists } from './balance-lists';
export {
  exclusionKeys,
  isOpen,
  networkIneligibilityReasons,
  NO_RULES,
  rankedProfiles,
  type NetworkIneligibilityReason,
  type NetworkProfile,
  type NetworkRules,
} from './network-rules';
export { balanceListsInThread } from './balance-in-thread';
export { DEFAULT_PAIR_ROUNDS, pairsInRounds, type NetworkPair, type PairRoundOptions } from './pair-rounds';
