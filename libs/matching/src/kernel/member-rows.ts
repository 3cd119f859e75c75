/**
 * One member's rows of the kernel's per-member arrays, and the small helpers that fill them:
 * shared by prepareDataset (every member) and replaceMember (one member, in copies of the arrays).
 */
import { MAX_LEVEL, type MatchProfile } from '../profile';
import { sharedScale, sizeDown, sizeUp, thematicScale, unitVector } from '../pair-math';
import { levelNumber } from '../pair-functions';
import {
  COUNTRY,
  FIELD_BITS,
  GROUP_THEMES,
  INT_STRIDE,
  LANGUAGE_MASK,
  NEED_HIGH,
  NEED_LEVEL_SUM,
  NEED_LOW,
  OFFER_HIGH,
  OFFER_LOW,
  REAL_STRIDE,
  SHARED_SCALE,
  SIZE_DOWN,
  SIZE_UP,
  THEMATIC_SCALE,
  THEME_BITS,
  X,
  Y,
  Z,
} from './kernel-arrays';
import { InvalidProfileError } from './invalid-profile-error';

/** The per-member arrays, one row per member index, that writeMemberRow fills. */
export interface MemberRows {
  real: Float64Array;
  ints: Int32Array;
  levels: Int32Array;
  themeBits: Int32Array;
  levelPacks: Int32Array;
  themeWords: number;
  themeGroups: number;
}

/** A needs or offers map's themes with a level above 0, and those levels, in the map's order. */
export interface LevelledEntries {
  themes: string[];
  levels: number[];
}

/**
 * Writes member `i`'s row of every per-member array (which must be zero there). `needs` and
 * `offers` are p's levelled entries, when the caller has them already.
 */
export function writeMemberRow(
  rows: MemberRows,
  i: number,
  p: MatchProfile,
  themeIndex: ReadonlyMap<string, number>,
  country: number,
  languageList: ArrayLike<number>,
  needs = levelledEntries(p.needs),
  offers = levelledEntries(p.offers),
): void {
  const { real, ints, levels, themeWords, themeGroups } = rows;
  const needLevelSum = writeLevels(rows, i * themeWords, 2 * themeGroups * i, p, 'needs', needs, themeIndex);
  writeLevels(rows, i * themeWords, 2 * themeGroups * i + themeGroups, p, 'offers', offers, themeIndex);
  const [x, y, z] = unitVector(p.lat, p.lon);
  const at = i * REAL_STRIDE;
  real[at + X] = x;
  real[at + Y] = y;
  real[at + Z] = z;
  real[at + SIZE_UP] = sizeUp(p.population);
  real[at + SIZE_DOWN] = sizeDown(p.population);
  real[at + THEMATIC_SCALE] = thematicScale(needLevelSum);
  real[at + SHARED_SCALE] = sharedScale(needLevelSum);
  real[at + NEED_LEVEL_SUM] = needLevelSum;
  ints[i * INT_STRIDE + COUNTRY] = country;
  ints[i * INT_STRIDE + LANGUAGE_MASK] = fold(languageList);
  levels[i] = levelNumber(p.level);
}

/**
 * A member's language indices, sorted without repeats (by insertion: a member has a few). Always an
 * Int32Array, so that the code reading the lists sees one kind of array.
 */
export function languageListOf(p: MatchProfile, languageIndex: ReadonlyMap<string, number>): Int32Array {
  const list = new Int32Array(p.languages.length);
  let count = 0;
  for (const language of p.languages) {
    const l = languageIndex.get(language)!;
    let q = count;
    while (q > 0 && list[q - 1] > l) q--;
    if (q > 0 && list[q - 1] === l) continue;
    list.copyWithin(q + 1, q, count);
    list[q] = l;
    count++;
  }
  return list.subarray(0, count);
}

export function checkNumbers(p: MatchProfile): void {
  if (!(Number.isFinite(p.population) && p.population > 0)) {
    throw new InvalidProfileError(`member "${p.id}": population must be a finite number > 0`);
  }
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) {
    throw new InvalidProfileError(`member "${p.id}": lat and lon must be finite numbers`);
  }
}

/**
 * Sets a member's need or offer level bits and packs the levels into 6-bit fields, five
 * themes per int32; returns the sum of its levels. Bits, packs and sums do not depend on the order.
 */
function writeLevels(
  rows: MemberRows,
  firstWord: number,
  firstPack: number,
  p: MatchProfile,
  side: 'needs' | 'offers',
  entries: LevelledEntries,
  themeIndex: ReadonlyMap<string, number>,
): number {
  const { themeBits: bits, levelPacks: packs } = rows;
  const low = side === 'needs' ? NEED_LOW : OFFER_LOW;
  const high = side === 'needs' ? NEED_HIGH : OFFER_HIGH;
  const { themes, levels } = entries;
  let sum = 0;
  for (let q = 0; q < themes.length; q++) {
    const level = levels[q];
    if (!Number.isInteger(level) || level > MAX_LEVEL) {
      throw new InvalidProfileError(`member "${p.id}": ${side}.${themes[q]} must be a whole level 1-${MAX_LEVEL}, got ${level}`);
    }
    const t = themeIndex.get(themes[q])!;
    const at = (firstWord + (t >> 5)) * THEME_BITS;
    if (level & 1) bits[at + low] |= 1 << (t & 31);
    if (level & 2) bits[at + high] |= 1 << (t & 31);
    packs[firstPack + Math.floor(t / GROUP_THEMES)] |= level << (FIELD_BITS * (t % GROUP_THEMES));
    sum += level;
  }
  return sum;
}

export function csr(lists: readonly ArrayLike<number>[]): { start: Int32Array; items: Int32Array } {
  const start = sharedInt32(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i] + list.length));
  const items = sharedInt32(start[lists.length]);
  lists.forEach((list, i) => items.set(list, start[i]));
  return { start, items };
}

/** Themes with a level above 0, in no particular order. */
export function levelledThemes(levels: Readonly<Record<string, number>>): string[] {
  return levelledEntries(levels).themes;
}

/** The themes with a level above 0 and their levels (Object.keys and Object.values list them in the same order). */
export function levelledEntries(map: Readonly<Record<string, number>>): LevelledEntries {
  const keys = Object.keys(map);
  const values = Object.values(map);
  const themes: string[] = [];
  const levels: number[] = [];
  for (let q = 0; q < keys.length; q++) {
    if (values[q] > 0) {
      themes.push(keys[q]);
      levels.push(values[q]);
    }
  }
  return { themes, levels };
}

function fold(indices: ArrayLike<number>): number {
  let mask = 0;
  for (let q = 0; q < indices.length; q++) mask |= 1 << (indices[q] & 31);
  return mask;
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, length) * 8), 0, length);
}

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, length) * 4), 0, length);
}
