import type { Weights } from '../index';

/** How the default lists are balanced; every figure is documented in the library's README. */
export interface BalanceOptions {
  /** Entries per default list. */
  listSize: number;
  /** At most this many candidates of one country in a list (5 of 20: 25 %). */
  countryCap: number;
  /** Members seen in fewer lists than this are placed first, into the lists of their own best matches. */
  floorAppearances: number;
  /** At most this many of a list's entries are such floor placements; the rest go by score. */
  floorSlotsPerList: number;
  /** No member appears in more than this many times the list size (the mean exposure). */
  exposureCapFactor: number;
  /** Lists a member may appear in per partnership it says it can take on (its capacity). */
  appearancesPerCapacity: number;
  /** Candidates read per member at first; members that need more get a deeper pool of their own. */
  poolSize: number;
  weights?: Partial<Weights>;
  /** Worker threads for the first pass over all pairs (default: the kernel's choice). */
  threads?: number;
}

export const DEFAULT_BALANCE: Readonly<BalanceOptions> = Object.freeze({
  listSize: 20,
  countryCap: 5,
  floorAppearances: 3,
  floorSlotsPerList: 4,
  exposureCapFactor: 2,
  appearancesPerCapacity: 5,
  poolSize: 200,
});
