import type { MatchProfile } from '@citymatch/matching';
import type { NetworkPair } from '@citymatch/matching/balance';
import type { ReadableExplanation } from './readable-explanation';

/** A pair as listed, with what the filters read worked out once. */
export interface ListedPair extends NetworkPair {
  /** "a|b", a < b in plain string order. */
  key: string;
  /** Its place in the order. */
  position: number;
  ma: MatchProfile;
  mb: MatchProfile;
  /** The themes one member needs and the other offers. */
  fitThemes: readonly string[];
}

type Index = Map<string, ListedPair[]>;

/** Filtered lists kept per index: enough for every filter a secretariat uses in a session, bounded against odd minScores. */
const KEPT_LISTS = 32;
/** Explanations kept per index: a few pages of each order; a pair's explanation is a few hundred bytes. */
const EXPLANATIONS = 5_000;

/**
 * The network's pairs in one order, with what requests read worked out on first use and kept: indexes by
 * country, subregion and theme, each filter's kept pairs (so its total), and pairs' explanations. An index
 * is made for one version of the lists, the members and the exclusions, and dropped with it (in
 * NetworkPairsService): that is the only invalidation. Filters of other features (partnerships, interests)
 * are part of a kept list's key by the pairs they name, so a changed partnership makes a new key.
 */
export class PairIndex {
  private readonly indexes = new Map<string, Index>();
  private readonly keptLists = new Map<string, readonly ListedPair[]>();
  private readonly explanations = new Map<ListedPair, ReadableExplanation>();
  private byKey?: Map<string, ListedPair>;

  constructor(readonly ordered: readonly ListedPair[]) {}

  byCountry(country: string): readonly ListedPair[] {
    return this.index('country', (pair) => [pair.aCountry, pair.bCountry]).get(country) ?? [];
  }

  bySubregion(subregion: string): readonly ListedPair[] {
    return this.index('subregion', (pair) => [pair.ma.subregion ?? '', pair.mb.subregion ?? '']).get(subregion) ?? [];
  }

  byTheme(theme: string): readonly ListedPair[] {
    return this.index('theme', (pair) => pair.fitThemes).get(theme) ?? [];
  }

  /** The pairs named by their keys, in order; keys of pairs not listed are left out. */
  byKeys(keys: Iterable<string>): ListedPair[] {
    this.byKey ??= new Map(this.ordered.map((pair) => [pair.key, pair]));
    const found: ListedPair[] = [];
    for (const key of keys) {
      const pair = this.byKey.get(key);
      if (pair) found.push(pair);
    }
    return found.sort((x, y) => x.position - y.position);
  }

  /** The pairs a filter keeps, in order, worked out once per `filterKey` (which must name everything the filter reads). */
  kept(filterKey: string, keep: () => readonly ListedPair[]): readonly ListedPair[] {
    return remember(this.keptLists, filterKey, KEPT_LISTS, keep);
  }

  /** The pair's explanation, worked out once. */
  explanation(pair: ListedPair, explain: (pair: ListedPair) => ReadableExplanation): ReadableExplanation {
    return remember(this.explanations, pair, EXPLANATIONS, () => explain(pair));
  }

  private index(name: string, keysOf: (pair: ListedPair) => readonly string[]): Index {
    let index = this.indexes.get(name);
    if (!index) {
      index = new Map();
      for (const pair of this.ordered) {
        for (const key of new Set(keysOf(pair))) {
          const list = index.get(key);
          if (list) list.push(pair);
          else index.set(key, [pair]);
        }
      }
      this.indexes.set(name, index);
    }
    return index;
  }
}

/** The value kept under `key`, made and kept if absent; past `limit` entries the oldest goes first. */
function remember<K, V>(kept: Map<K, V>, key: K, limit: number, make: () => V): V {
  if (kept.has(key)) return kept.get(key)!;
  const value = make();
  if (kept.size >= limit) kept.delete(kept.keys().next().value!);
  kept.set(key, value);
  return value;
}
