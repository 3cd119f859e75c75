import type { MatchProfile } from '@citymatch/matching';
import type { NetworkPair } from '@citymatch/matching/balance';

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

/**
 * The network's pairs in one order, with indexes by country, subregion and theme (built on first use):
 * a filtered request reads the shortest list that holds every pair it can keep, already in order,
 * instead of testing every pair of the network.
 */
export class PairIndex {
  private readonly indexes = new Map<string, Index>();
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
