/** The kernel's memory layout: which field of which typed array holds what. */

/** Per-member float fields in `real`, in this order. */
export const REAL_STRIDE = 8;
export const X = 0;
export const Y = 1;
export const Z = 2;
export const SIZE_UP = 3;
export const SIZE_DOWN = 4;
export const THEMATIC_SCALE = 5;
export const SHARED_SCALE = 6;
/** Σ need levels, which bounds the shared sum with any other member. */
export const NEED_LEVEL_SUM = 7;

/** Per-member integer fields in `ints`, in this order. */
export const INT_STRIDE = 2;
export const COUNTRY = 0;
/** A 32-bit fold (language index mod 32) of the member's languages, to skip most lookups. */
export const LANGUAGE_MASK = 1;

/**
 * Per member and 32-theme word, four bit sets: the low and high bits of the need levels,
 * then of the offer levels (level = low + 2 × high, so 1, 2 and 3 are 01, 10 and 11).
 */
export const THEME_BITS = 4;
export const NEED_LOW = 0;
export const NEED_HIGH = 1;
export const OFFER_LOW = 2;
export const OFFER_HIGH = 3;

/**
 * The typed arrays the kernel reads, all on SharedArrayBuffers so that worker threads can
 * read them without copies. Lists are CSR: member i's entries are start[i]..start[i+1].
 * Memory is O(N·T + N·K): nothing here is N×N.
 */
export interface KernelArrays {
  n: number;
  themeCount: number;
  /** 32-theme words per member in `themeBits`. */
  themeWords: number;
  languageCount: number;
  real: Float64Array;
  ints: Int32Array;
  /** Position of each member's id in plain string order: breaks ties between equal scores. */
  idRank: Int32Array;
  /** Member j, word w: themeBits[(j × themeWords + w) × THEME_BITS + NEED_LOW ...]. */
  themeBits: Int32Array;
  languageStart: Int32Array;
  languageId: Int32Array;
  /** Partners listed on either side, both ways. */
  partnerStart: Int32Array;
  partnerId: Int32Array;
  /** Whom i dismissed. */
  dismissedStart: Int32Array;
  dismissedId: Int32Array;
  /** Who dismissed i. */
  dismissedByStart: Int32Array;
  dismissedById: Int32Array;
}
