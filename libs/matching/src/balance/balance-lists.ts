import { compareCandidates, computeTopK, computeTopKSync, prepareDataset, type PreparedDataset, type ScoredCandidate } from '../index';
import { DEFAULT_BALANCE, type BalanceOptions } from './balance-options';
import { poolsAmong, type CandidatePools } from './candidate-pools';
import { fillByScore } from './fill-by-score';
import { ListSlots } from './list-slots';
import { NO_RULES, rankedProfiles, type NetworkProfile, type NetworkRules } from './network-rules';
import { placeFloor } from './place-floor';

/**
 * The default lists: for every member that gets suggestions, up to `listSize` eligible
 * candidates with their exact match scores, chosen so that no country crowds a list, every
 * member is seen in a few lists and none is flooded. A deterministic function of the
 * profiles, the rules and the options (the thread count changes nothing).
 *
 * 1. Each member's best `poolSize` candidates come from the kernel (exact, ties by id).
 * 2. Floor: in rounds, every member seen in fewer than `floorAppearances` lists is placed into
 *    the list of its best match that still has a floor slot (at most `floorSlotsPerList` a list);
 *    scores are symmetric, so a member's best matches are the lists where it fits best.
 * 3. Fill: the remaining slots by score across the whole network, best pair first.
 * Every placement respects the list's country cap and the member's exposure cap (twice the list
 * size, less where its capacity says so). Members still seen too rarely after the floor pass get
 * another from the kernel on just them and the lists with floor slots left; lists their pool
 * cannot fill read deeper pools of their own.
 */
export async function balanceLists(
  profiles: readonly NetworkProfile[],
  rules: NetworkRules = NO_RULES,
  overrides: Partial<BalanceOptions> = {},
): Promise<Map<string, ScoredCandidate[]>> {
  const options: BalanceOptions = { ...DEFAULT_BALANCE, ...overrides };
  const ranked = rankedProfiles(profiles, rules);
  const prepared = prepareDataset(ranked);
  const pools = await computeTopK(prepared, { k: options.poolSize, weights: options.weights, threads: options.threads });
  const slots = slotsFor(profiles, prepared, options);
  const dismissed = dismissalsOf(profiles, prepared);
  const among = (lists: Uint8Array, members: Uint8Array, k: number) =>
    poolsAmong(ranked, prepared, lists, members, k, options.threads, options.weights);

  placeFloor(slots, pools, dismissed, options);
  for (let k = 2 * options.listSize; ; k *= 2) {
    const members = flags(slots.size, (i) => slots.exposure[i] < options.floorAppearances && pools.counts[i] > 0);
    const lists = flags(slots.size, (i) => slots.floorUsed[i] < options.floorSlotsPerList && !slots.isFull(i));
    if (!members.includes(1) || !(await placeFloorDeeper(slots, await among(lists, members, k), dismissed, options))) break;
  }
  fillByScore(slots, pools);
  deepen(slots, prepared, pools, options);
  return listsOf(slots, prepared, options.listSize);
}

/** One more floor pass; whether it placed anyone (then a deeper pool may place more). */
async function placeFloorDeeper(
  slots: ListSlots,
  pools: CandidatePools,
  dismissed: Set<number>,
  options: BalanceOptions,
): Promise<boolean> {
  const placed = slots.placed;
  placeFloor(slots, pools, dismissed, options);
  return slots.placed > placed;
}

/** Lists their pool could not fill read a deeper pool of their own (one row of the kernel each), until full or out of candidates. */
function deepen(slots: ListSlots, prepared: PreparedDataset, pools: CandidatePools, options: BalanceOptions): void {
  for (let list = 0; list < slots.size; list++) {
    let seen = pools.counts[list];
    for (let depth = pools.k * 4; !slots.isFull(list) && seen >= depth / 4; depth *= 4) {
      const deeper = computeTopKSync(prepared, { k: depth, weights: options.weights, sourceRange: [list, list + 1] });
      for (let r = seen; r < deeper.counts[0] && !slots.isFull(list); r++) {
        const member = deeper.indices[r];
        if (slots.accepts(list, member)) slots.place(list, member, deeper.scores[r]);
      }
      if (deeper.counts[0] < depth) break;
      seen = deeper.counts[0];
    }
  }
}

function flags(n: number, test: (i: number) => boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = test(i) ? 1 : 0;
  return out;
}

function slotsFor(profiles: readonly NetworkProfile[], prepared: PreparedDataset, options: BalanceOptions): ListSlots {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const countries = new Map<string, number>();
  const country = new Int32Array(prepared.size);
  const exposureCap = new Int32Array(prepared.size);
  const overall = Math.ceil(options.exposureCapFactor * options.listSize);
  prepared.ids.forEach((id, i) => {
    const profile = byId.get(id)!;
    if (!countries.has(profile.country)) countries.set(profile.country, countries.size);
    country[i] = countries.get(profile.country)!;
    const capacity = profile.capacity;
    exposureCap[i] =
      capacity === null || capacity === undefined ? overall : Math.min(overall, Math.max(0, capacity) * options.appearancesPerCapacity);
  });
  return new ListSlots(prepared.size, options.listSize, options.countryCap, country, exposureCap);
}

/** Whom each member dismissed itself (the rules' dismissals are symmetric and never reach a pool), as list·n + member. */
function dismissalsOf(profiles: readonly NetworkProfile[], prepared: PreparedDataset): Set<number> {
  const pairs = new Set<number>();
  for (const p of profiles) {
    const i = prepared.indexOf.get(p.id);
    if (i === undefined) continue;
    for (const id of p.dismissed) {
      const j = prepared.indexOf.get(id);
      if (j !== undefined) pairs.add(i * prepared.size + j);
    }
  }
  return pairs;
}

function listsOf(slots: ListSlots, prepared: PreparedDataset, listSize: number): Map<string, ScoredCandidate[]> {
  const lists = new Map<string, ScoredCandidate[]>();
  for (let list = 0; list < slots.size; list++) {
    const entries: ScoredCandidate[] = [];
    for (let q = list * listSize; q < list * listSize + slots.length[list]; q++) {
      entries.push({ id: prepared.ids[slots.entry[q]], score: slots.score[q] });
    }
    lists.set(prepared.ids[list], entries.sort(compareCandidates));
  }
  return lists;
}
