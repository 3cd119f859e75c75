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
  // Each map's themes are listed once here and reused below: reading a level by key is slow
  // when every member's map has its own shape.
  const entries: MemberEntry[] = [];
  for (const p of all) {
    if (p.status !== 'active') continue;
    const needs = levelledEntries(p.needs);
    const offers = levelledEntries(p.offers);
    entries.push({ p, needs, offers, offered: levelSum(offers) });
  }
  entries.sort((a, b) => b.offered - a.offered || byPlainOrder(a.p.id, b.p.id));
  const active = entries.map((e) => e.p);
  active.forEach(checkNumbers);
  const n = active.length;
  const ids = active.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const idRank = sharedInt32(n);
  [...ids.keys()].sort((a, b) => byPlainOrder(ids[a], ids[b])).forEach((index, rank) => (idRank[index] = rank));
  const themeSet = new Set<string>();
  const languageSet = new Set<string>();
  const countrySet = new Set<string>();
  for (const { p, needs, offers } of entries) {
    for (const theme of needs.themes) themeSet.add(theme);
    for (const theme of offers.themes) themeSet.add(theme);
    for (const language of p.languages) languageSet.add(language);
    countrySet.add(p.country);
  }
  const themes = vocabulary(themeSet);
  const languages = vocabulary(languageSet);
  const countries = vocabulary(countrySet);
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
    const { p, needs, offers } = entries[i];
    writeMemberRow(rows, i, p, themeIndex, countryIndex.get(p.country)!, languageLists[i], needs, offers);
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

/** A needs or offers map's themes with a level above 0, and those levels, in the map's order. */
export interface LevelledEntries {
  themes: string[];
  levels: number[];
}

interface MemberEntry {
  p: MatchProfile;
  needs: LevelledEntries;
  offers: LevelledEntries;
  offered: number;
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
  languageList: readonly number[],
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

function vocabulary(values: ReadonlySet<string>): string[] {
  return [...values].sort(byPlainOrder);
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

/** Sparse lists of member indices, each sorted without repeats, one per member. */
function sortedLists(sparse: readonly (number[] | undefined)[], n: number): number[][] {
  const none: number[] = [];
  return Array.from({ length: n }, (_, i) => (sparse[i] ? [...new Set(sparse[i])].sort((a, b) => a - b) : none));
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

function levelSum(entries: LevelledEntries): number {
  let sum = 0;
  for (const level of entries.levels) sum += level;
  return sum;
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
