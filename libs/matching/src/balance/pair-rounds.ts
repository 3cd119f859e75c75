/** A pair of members as the network view lists it: each pair once, its members' countries with it. */
export interface NetworkPair {
  a: string;
  b: string;
  aCountry: string;
  bCountry: string;
  score: number;
}

/** How the network view spreads its pairs; see pairsInRounds. */
export interface PairRoundOptions {
  /** Pairs one member may be in per round. */
  perMember: number;
  /** Pairs one pair of countries (either order) may have per round. */
  perCountryPair: number;
}

export const DEFAULT_PAIR_ROUNDS: Readonly<PairRoundOptions> = Object.freeze({ perMember: 1, perCountryPair: 2 });

/**
 * The network's pairs in rounds, so that the first pages show many members and many countries instead
 * of a few popular members and the largest country's pairs: taken best first, each pair goes into the
 * first round in which neither member has `perMember` pairs yet and its pair of countries fewer than
 * `perCountryPair`. Rounds come in order, pairs within a round best first. Every pair is kept with its
 * score; the order depends only on the pairs, so it is deterministic. `pairs` must be best first.
 */
export function pairsInRounds<P extends NetworkPair>(pairs: readonly P[], options: PairRoundOptions = DEFAULT_PAIR_ROUNDS): P[] {
  const members = new RoundCounts(options.perMember);
  const countryPairs = new RoundCounts(options.perCountryPair);
  const rounds = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const { a, b, aCountry, bCountry } = pairs[i];
    const countries = aCountry < bCountry ? `${aCountry}:${bCountry}` : `${bCountry}:${aCountry}`;
    let round = Math.max(members.firstOpen(a), members.firstOpen(b), countryPairs.firstOpen(countries));
    while (members.isFull(a, round) || members.isFull(b, round) || countryPairs.isFull(countries, round)) round += 1;
    members.add(a, round);
    members.add(b, round);
    countryPairs.add(countries, round);
    rounds[i] = round;
  }
  const order = Array.from(pairs.keys()).sort((x, y) => rounds[x] - rounds[y] || x - y);
  return order.map((i) => pairs[i]);
}

/** Per key, how many pairs each round holds, and the first round that may still have room. */
class RoundCounts {
  private readonly counts = new Map<string, number[]>();
  private readonly open = new Map<string, number>();

  constructor(private readonly cap: number) {}

  firstOpen(key: string): number {
    return this.open.get(key) ?? 0;
  }

  isFull(key: string, round: number): boolean {
    return (this.counts.get(key)?.[round] ?? 0) >= this.cap;
  }

  add(key: string, round: number): void {
    let counts = this.counts.get(key);
    if (!counts) this.counts.set(key, (counts = []));
    counts[round] = (counts[round] ?? 0) + 1;
    let open = this.firstOpen(key);
    while ((counts[open] ?? 0) >= this.cap) open += 1;
    this.open.set(key, open);
  }
}
