/**
 * The default lists while they are being filled: per list its entries (prepared indices and
 * scores), per member how many lists it is in, and the caps a placement must respect.
 */
export class ListSlots {
  readonly length: Int32Array;
  readonly entry: Int32Array;
  readonly score: Float64Array;
  readonly floorUsed: Int32Array;
  readonly exposure: Int32Array;

  constructor(
    readonly size: number,
    private readonly listSize: number,
    private readonly countryCap: number,
    /** Each member's country as a small integer. */
    private readonly country: Int32Array,
    /** Each member's most lists. */
    private readonly exposureCap: Int32Array,
  ) {
    this.length = new Int32Array(size);
    this.entry = new Int32Array(size * listSize);
    this.score = new Float64Array(size * listSize);
    this.floorUsed = new Int32Array(size);
    this.exposure = new Int32Array(size);
  }

  countryOf(member: number): number {
    return this.country[member];
  }

  /** Placements so far. */
  get placed(): number {
    let total = 0;
    for (const length of this.length) total += length;
    return total;
  }

  hasRoom(member: number): boolean {
    return this.exposure[member] < this.exposureCap[member];
  }

  isFull(list: number): boolean {
    return this.length[list] >= this.listSize;
  }

  /** Whether `member` may join `list`: room, not already in it, its country under the cap, its own exposure under its cap. */
  accepts(list: number, member: number): boolean {
    const length = this.length[list];
    if (length >= this.listSize || this.exposure[member] >= this.exposureCap[member]) return false;
    const base = list * this.listSize;
    const country = this.country[member];
    let sameCountry = 0;
    for (let q = base; q < base + length; q++) {
      const other = this.entry[q];
      if (other === member) return false;
      if (this.country[other] === country && ++sameCountry >= this.countryCap) return false;
    }
    return true;
  }

  /** The countries `list` holds as many candidates of as the cap allows, in ascending order. */
  cappedCountries(list: number): number[] {
    const counts = new Map<number, number>();
    for (let q = list * this.listSize; q < list * this.listSize + this.length[list]; q++) {
      const country = this.country[this.entry[q]];
      counts.set(country, (counts.get(country) ?? 0) + 1);
    }
    return [...counts]
      .filter(([, count]) => count >= this.countryCap)
      .map(([country]) => country)
      .sort((a, b) => a - b);
  }

  place(list: number, member: number, score: number): void {
    const q = list * this.listSize + this.length[list]++;
    this.entry[q] = member;
    this.score[q] = score;
    this.exposure[member]++;
  }
}
