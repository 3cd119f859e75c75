import { FIELD_BITS, GROUP_THEMES, type KernelArrays } from './kernel-arrays';

/** Room for one block of columns in scanColumns. */
export const COLUMN_LIST_LENGTH = 1024;

/** exclude[j] bits while row i is loaded. */
export const NOT_FOR_ROW = 1; // j is not a candidate for i (partners, or i dismissed j)
export const NOT_FOR_COLUMN = 2; // i is not a candidate for j (partners, or j dismissed i)

/**
 * Row i spread out for cheap work per column: its languages and exclusions as dense flags,
 * and its packed need and offer levels with the fields of each group in reverse order (so
 * that one multiplication with a column's packed levels gives a dot product).
 */
export class RowScratch {
  readonly language: Uint8Array;
  readonly exclude: Uint8Array;
  readonly needsReversed: Int32Array;
  readonly offersReversed: Int32Array;
  /** Columns that pass the first pass of a block (see scanColumns). */
  readonly columns: Int32Array;

  constructor(private readonly a: KernelArrays) {
    this.columns = new Int32Array(COLUMN_LIST_LENGTH);
    this.language = new Uint8Array(a.languageCount);
    this.exclude = new Uint8Array(a.n);
    this.needsReversed = new Int32Array(a.themeGroups);
    this.offersReversed = new Int32Array(a.themeGroups);
  }

  load(i: number): void {
    const a = this.a;
    const x = this.exclude;
    const groups = a.themeGroups;
    for (let g = 0; g < groups; g++) {
      this.needsReversed[g] = reversed(a.levelPacks[2 * groups * i + g]);
      this.offersReversed[g] = reversed(a.levelPacks[2 * groups * i + groups + g]);
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

/** The fields of a packed group in reverse order. */
function reversed(pack: number): number {
  let r = 0;
  for (let f = 0; f < GROUP_THEMES; f++) r |= ((pack >>> (FIELD_BITS * f)) & 63) << (FIELD_BITS * (GROUP_THEMES - 1 - f));
  return r;
}
