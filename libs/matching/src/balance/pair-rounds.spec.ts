import { pairsInRounds, type NetworkPair } from './pair-rounds';

const COUNTRIES = ['IN', 'IN', 'IN', 'JP', 'PH', 'FJ', 'VN', 'ID'];

/** Random pairs of members of different countries, best first, each pair once. */
function randomPairs(seed: number, members: number, count: number): NetworkPair[] {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const country = (m: number) => COUNTRIES[m % COUNTRIES.length];
  const seen = new Set<string>();
  const pairs: NetworkPair[] = [];
  while (pairs.length < count) {
    const x = Math.floor(random() * members);
    const y = Math.floor(random() * members);
    const [a, b] = [`m${String(Math.min(x, y)).padStart(4, '0')}`, `m${String(Math.max(x, y)).padStart(4, '0')}`];
    if (country(x) === country(y) || seen.has(`${a}|${b}`)) continue;
    seen.add(`${a}|${b}`);
    const [aCountry, bCountry] = x < y ? [country(x), country(y)] : [country(y), country(x)];
    pairs.push({ a, b, aCountry, bCountry, score: Math.round(random() * 1000) / 1000 });
  }
  return pairs.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
}

/** Splits an ordered list into its rounds again: a round ends where a pair would break a cap. */
function firstRound(ordered: NetworkPair[], perMember: number, perCountryPair: number): NetworkPair[] {
  const members = new Map<string, number>();
  const countries = new Map<string, number>();
  const round: NetworkPair[] = [];
  for (const pair of ordered) {
    const key = [pair.aCountry, pair.bCountry].sort().join(':');
    if ((members.get(pair.a) ?? 0) >= perMember || (members.get(pair.b) ?? 0) >= perMember || (countries.get(key) ?? 0) >= perCountryPair)
      break;
    members.set(pair.a, (members.get(pair.a) ?? 0) + 1);
    members.set(pair.b, (members.get(pair.b) ?? 0) + 1);
    countries.set(key, (countries.get(key) ?? 0) + 1);
    round.push(pair);
  }
  return round;
}

describe('the network view in rounds', () => {
  it.each([1, 2, 3])('keeps every pair with its score, and is the same for the same pairs (seed %i)', (seed) => {
    const pairs = randomPairs(seed, 300, 2000);
    const ordered = pairsInRounds(pairs);
    expect([...ordered].sort((p, q) => pairs.indexOf(p) - pairs.indexOf(q))).toEqual(pairs);
    expect(pairsInRounds([...pairs])).toEqual(ordered);
  });

  it('opens with a round in which no member is in two pairs and no pair of countries has more than two', () => {
    const pairs = randomPairs(4, 300, 2000);
    const ordered = pairsInRounds(pairs, { perMember: 1, perCountryPair: 2 });
    const round = firstRound(ordered, 1, 2);
    // Every country pair present got its two places: the first round is as long as the caps allow.
    const countryPairs = new Set(pairs.map((p) => [p.aCountry, p.bCountry].sort().join(':')));
    expect(round.length).toBeGreaterThan(countryPairs.size);
    // Within a round, best first; the best pair of all opens it.
    expect(round[0]).toBe(pairs[0]);
    expect(round.map((p) => p.score)).toEqual([...round.map((p) => p.score)].sort((x, y) => y - x));
  });

  it('puts a pair into the first round with room for both members and their countries', () => {
    const pair = (a: string, b: string, score: number): NetworkPair => ({ a, b, aCountry: a.slice(0, 2), bCountry: b.slice(0, 2), score });
    const pairs = [
      pair('FJ-suva', 'IN-pune', 0.9),
      pair('FJ-suva', 'JP-kobe', 0.8),
      pair('IN-pune', 'JP-kobe', 0.7),
      pair('FJ-apia', 'PH-cebu', 0.6),
    ];
    // suva and pune are taken in round 0: suva–kobe goes to round 1, pune–kobe (kobe taken in 1) to round 2; apia–cebu stays in 0.
    expect(pairsInRounds(pairs, { perMember: 1, perCountryPair: 2 }).map((p) => p.score)).toEqual([0.9, 0.6, 0.8, 0.7]);
  });
});
