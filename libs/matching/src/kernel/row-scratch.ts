import { NEED_HIGH, NEED_LOW, OFFER_HIGH, OFFER_LOW, THEME_BITS, type KernelArrays } from './kernel-arrays';

/** exclude[j] bits while row i is loaded. */
export const NOT_FOR_ROW = 1; // j is not a candidate for i (partners, or i dismissed j)
export const NOT_FOR_COLUMN = 2; // i is not a candidate for j (partners, or j dismissed i)

/**
 * Row i spread out for cheap lookups per column: its languages and exclusions as dense
 * flags, and for each byte of theme bits (8 themes) the sums of i's need levels and of
 * its offer levels over every subset of those 8 themes.
 */
export class RowScratch {
  readonly language: Uint8Array;
  readonly exclude: Uint8Array;
  readonly needSums: Uint8Array;
  readonly offerSums: Uint8Array;

  constructor(private readonly a: KernelArrays) {
    this.language = new Uint8Array(a.languageCount);
    this.exclude = new Uint8Array(a.n);
    const bytes = 4 * a.themeWords;
    this.needSums = new Uint8Array(bytes * 256);
    this.offerSums = new Uint8Array(bytes * 256);
  }

  load(i: number): void {
    const a = this.a;
    const x = this.exclude;
    const bits = a.themeBits;
    for (let b = 0; b < this.needSums.length >> 8; b++) {
      const at = (i * a.themeWords + (b >> 2)) * THEME_BITS;
      const shift = (b & 3) * 8;
      subsetSums(this.needSums, b << 8, bits[at + NEED_LOW] >>> shift, bits[at + NEED_HIGH] >>> shift);
      subsetSums(this.offerSums, b << 8, bits[at + OFFER_LOW] >>> shift, bits[at + OFFER_HIGH] >>> shift);
    }
    for (let q = a.languageStart[i]; q < a.languageStart[i + 1]; q++) this.language[a.languageId[q]] = 1;
    for (let q = a.partnerStart[i]; q < a.partnerStart[i + 1]; q++) x[a.partnerId[q]] = NOT_FOR_ROW | NOT_FOR_COLUMN;
    for (let q = a.dismissedStart[i]; q < a.dismissedStart[i + 1]; q++) x[a.dismissedId[q]] |= NOT_FOR_ROW;
    for (let q = a.dismissedByStart[i]; q < a.dismissedByStart[i + 1]; q++) x[a.dismissedById[q]] |= NOT_FOR_COLUMN;
  }

  unload(i: number): void {
    const a = this.a;
    const x = this.exclude;
    for (let q = a.languageStart[i]; q < a.languageStart[i + 1]; q++) this.language[a.languageId[q]] = 0;
    for (let q = a.partnerStart[i]; q < a.partnerStart[i + 1]; q++) x[a.partnerId[q]] = 0;
    for (let q = a.dismissedStart[i]; q < a.dismissedStart[i + 1]; q++) x[a.dismissedId[q]] = 0;
    for (let q = a.dismissedByStart[i]; q < a.dismissedByStart[i + 1]; q++) x[a.dismissedById[q]] = 0;
  }
}

/** table[base + v] = Σ levels of the themes in byte subset v, for levels low + 2 × high. */
function subsetSums(table: Uint8Array, base: number, low: number, high: number): void {
  for (let v = 1; v < 256; v++) {
    const bit = 31 - Math.clz32(v & -v);
    table[base + v] = table[base + (v & (v - 1))] + ((low >>> bit) & 1) + 2 * ((high >>> bit) & 1);
  }
}
