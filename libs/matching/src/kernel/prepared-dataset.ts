import { MAX_LEVEL, byPlainOrder, type MatchProfile } from '../profile';
import { sharedScale, sizeDown, sizeUp, thematicScale, unitVector } from '../pair-math';
import { levelNumber } from '../pair-functions';
import {
  COUNTRY,
  FIELD_BITS,
  GROUP_THEMES,
  INT_STRIDE,
  LANGUAGE_MASK,
  MIN_THEME_GROUPS,
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
  type KernelArrays,
} from './kernel-arrays';

/**
 * The active members of a dataset, ready for the kernel. Inactive members take no part in
 * matching and are left out. Members are indexed by what they offer (the sum of their offer
 * levels, highest first), then by id: strong candidates come early in every scan, so each
 * list's bar rises fast and more pairs are skipped. The order depends only on the members,
 * so every process that prepares the same members gets the same indices (for sharding by
 * index range). `idRank` holds the plain-string order of ids, the tie-break.
 */
export interface PreparedDataset {
  readonly size: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly themes: readonly string[];
  readonly languages: readonly string[];
  readonly countries: readonly string[];
  readonly arrays: KernelArrays;
}

export class InvalidProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidProfileError';
  }
}

export function prepareDataset(profiles: Iterable<MatchProfile>): PreparedDataset {
  const all = [...profiles];
  checkIds(all);
  const active = all
    .filter((p) => p.status === 'active')
    .map((p) => ({ p, offered: Object.values(p.offers).reduce((sum, level) => sum + (level > 0 ? level : 0), 0) }))
    .sort((a, b) => b.offered - a.offered || byPlainOrder(a.p.id, b.p.id))
    .map(({ p }) => p);
  active.forEach(checkNumbers);
  const n = active.length;
  const ids = active.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const idRank = sharedInt32(n);
  [...ids.keys()].sort((a, b) => byPlainOrder(ids[a], ids[b])).forEach((index, rank) => (idRank[index] = rank));
  const themes = vocabulary(active.flatMap((p) => [...levelledThemes(p.needs), ...levelledThemes(p.offers)]));
  const languages = vocabulary(active.flatMap((p) => p.languages));
  const countries = vocabulary(active.map((p) => p.country));
  const themeIndex = new Map(themes.map((t, i) => [t, i]));
  const languageIndex = new Map(languages.map((l, i) => [l, i]));
  const countryIndex = new Map(countries.map((c, i) => [c, i]));

  const real = sharedFloat64(n * REAL_STRIDE);
  const ints = sharedInt32(n * INT_STRIDE);
  const levels = sharedInt32(n);
  const themeWords = Math.max(1, Math.ceil(themes.length / 32));
  const themeBits = sharedInt32(n * themeWords * THEME_BITS);
  const themeGroups = Math.max(MIN_THEME_GROUPS, Math.ceil(themes.length / GROUP_THEMES));
  const levelPacks = sharedInt32(n * 2 * themeGroups);
  const languageLists = active.map((p) => languageListOf(p, languageIndex));

  const rows: MemberRows = { real, ints, levels, themeBits, levelPacks, themeWords, themeGroups };
  for (let i = 0; i < n; i++) {
    writeMemberRow(rows, i, active[i], themeIndex, countryIndex.get(active[i].country)!, languageLists[i]);
  }

  const partners: number[][] = [];
  const dismissed: number[][] = [];
  const dismissedBy: number[][] = [];
  active.forEach((p, i) => {
    for (const id of p.partners) {
      const j = indexOf.get(id);
      if (j === undefined || j === i) continue;
      (partners[i] ??= []).push(j);
      (partners[j] ??= []).push(i);
    }
    for (const id of p.dismissed) {
      const j = indexOf.get(id);
      if (j === undefined || j === i) continue;
      (dismissed[i] ??= []).push(j);
      (dismissedBy[j] ??= []).push(i);
    }
  });
  const languageCsr = csr(languageLists);
  const partnerCsr = csr(sortedLists(partners, n));
  const dismissedCsr = csr(sortedLists(dismissed, n));
  const dismissedByCsr = csr(sortedLists(dismissedBy, n));

  return {
    size: n,
    ids,
    indexOf,
    themes,
    languages,
    countries,
    arrays: {
      n,
      themeCount: themes.length,
      themeWords,
      languageCount: languages.length,
      themeGroups,
      levelPacks,
      real,
      ints,
      levels,
      idRank,
      themeBits,
      languageStart: languageCsr.start,
      languageId: languageCsr.items,
      partnerStart: partnerCsr.start,
      partnerId: partnerCsr.items,
      dismissedStart: dismissedCsr.start,
      dismissedId: dismissedCsr.items,
      dismissedByStart: dismissedByCsr.start,
      dismissedById: dismissedByCsr.items,
    },
  };
}

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

/** Writes member `i`'s row of every per-member array (which must be zero there). */
export function writeMemberRow(
  rows: MemberRows,
  i: number,
  p: MatchProfile,
  themeIndex: ReadonlyMap<string, number>,
  country: number,
  languageList: readonly number[],
): void {
  const { real, ints, levels, themeBits, levelPacks, themeWords, themeGroups } = rows;
  const needLevelSum = setThemeBits(themeBits, i * themeWords, p, 'needs', themeIndex);
  setThemeBits(themeBits, i * themeWords, p, 'offers', themeIndex);
  packLevels(levelPacks, 2 * themeGroups * i, p.needs, themeIndex);
  packLevels(levelPacks, 2 * themeGroups * i + themeGroups, p.offers, themeIndex);
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

/** A member's language indices, sorted without repeats. */
export function languageListOf(p: MatchProfile, languageIndex: ReadonlyMap<string, number>): number[] {
  const list = p.languages.map((l) => languageIndex.get(l)!).sort((a, b) => a - b);
  return list.filter((l, q) => q === 0 || l !== list[q - 1]);
}

function checkIds(profiles: readonly MatchProfile[]): void {
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.id)) throw new InvalidProfileError(`duplicate member id "${p.id}"`);
    seen.add(p.id);
  }
}

export function checkNumbers(p: MatchProfile): void {
  if (!(Number.isFinite(p.population) && p.population > 0)) {
    throw new InvalidProfileError(`member "${p.id}": population must be a finite number > 0`);
  }
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) {
    throw new InvalidProfileError(`member "${p.id}": lat and lon must be finite numbers`);
  }
}

function vocabulary(values: readonly string[]): string[] {
  return [...new Set(values)].sort(byPlainOrder);
}

/** Sets a member's need or offer level bits; returns the sum of its levels. */
function setThemeBits(
  bits: Int32Array,
  firstWord: number,
  p: MatchProfile,
  side: 'needs' | 'offers',
  themeIndex: ReadonlyMap<string, number>,
): number {
  const levels = p[side];
  const low = side === 'needs' ? NEED_LOW : OFFER_LOW;
  const high = side === 'needs' ? NEED_HIGH : OFFER_HIGH;
  let sum = 0;
  // Bits and integer sums do not depend on the order.
  for (const theme of levelledThemes(levels)) {
    const level = levels[theme];
    if (!Number.isInteger(level) || level > MAX_LEVEL) {
      throw new InvalidProfileError(`member "${p.id}": ${side}.${theme} must be a whole level 1-${MAX_LEVEL}, got ${level}`);
    }
    const t = themeIndex.get(theme)!;
    const at = (firstWord + (t >> 5)) * THEME_BITS;
    if (level & 1) bits[at + low] |= 1 << (t & 31);
    if (level & 2) bits[at + high] |= 1 << (t & 31);
    sum += level;
  }
  return sum;
}

/** Levels (already checked by setThemeBits) into 6-bit fields, five themes per int32. */
function packLevels(
  packs: Int32Array,
  first: number,
  levels: Readonly<Record<string, number>>,
  themeIndex: ReadonlyMap<string, number>,
): void {
  for (const theme of levelledThemes(levels)) {
    const t = themeIndex.get(theme)!;
    packs[first + Math.floor(t / GROUP_THEMES)] |= levels[theme] << (FIELD_BITS * (t % GROUP_THEMES));
  }
}

export function csr(lists: readonly ArrayLike<number>[]): { start: Int32Array; items: Int32Array } {
  const start = sharedInt32(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i] + list.length));
  const items = sharedInt32(start[lists.length]);
  lists.forEach((list, i) => items.set(list, start[i]));
  return { start, items };
}

/** Sparse lists of member indices, each sorted without repeats, one per member. */
function sortedLists(sparse: readonly (number[] | undefined)[], n: number): number[][] {
  const none: number[] = [];
  return Array.from({ length: n }, (_, i) => (sparse[i] ? [...new Set(sparse[i])].sort((a, b) => a - b) : none));
}

/** Themes with a level above 0, in no particular order. */
export function levelledThemes(levels: Readonly<Record<string, number>>): string[] {
  return Object.keys(levels).filter((theme) => levels[theme] > 0);
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
