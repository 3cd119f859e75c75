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
 * Levels packed for products by integer multiplication: five themes per int32, each level
 * (0-3) in a 6-bit field. With one side's fields in reverse order, the product's field at
 * bit 24 is Σ level·level' over the five themes (at most 45, and no field below it carries),
 * so `(Math.imul(reversed, packed) >>> 24) & 63` is an exact dot product of five themes.
 */
export const GROUP_THEMES = 5;
export const FIELD_BITS = 6;
/** Bit 0 of every field: `(v | (v >>> 1)) & FIELD_LOW_BITS` marks the non-zero levels. */
export const FIELD_LOW_BITS = 0x01041041;
/** Groups per side: at least three (15 themes), so the common case has one unrolled path. */
export const MIN_THEME_GROUPS = 3;

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
  /** Packed groups per member and side in `levelPacks` (at least MIN_THEME_GROUPS). */
  themeGroups: number;
  /**
   * Member j's need levels in groups of GROUP_THEMES at levelPacks[2·G·j + g], its offer
   * levels at levelPacks[2·G·j + G + g], G = themeGroups; theme t is group ⌊t/5⌋, field t mod 5.
   */
  levelPacks: Int32Array;
  real: Float64Array;
  ints: Int32Array;
  /**
   * Member j's level of government, as its index in GOVERNMENT_LEVELS. Its own array, not a
   * field of `ints`: only the tier term reads it, and a wider `ints` stride slows the first pass.
   */
  levels: Int32Array;
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
