import { byPlainOrder, type MatchProfile } from '../profile';
import { InvalidProfileError } from './invalid-profile-error';
import { GROUP_THEMES, INT_STRIDE, MIN_THEME_GROUPS, REAL_STRIDE, THEME_BITS, type KernelArrays } from './kernel-arrays';
import {
  checkNumbers,
  csr,
  languageListOf,
  levelledEntries,
  sharedFloat64,
  sharedInt32,
  writeMemberRow,
  type LevelledEntries,
  type MemberRows,
} from './member-rows';

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

export function prepareDataset(profiles: Iterable<MatchProfile>): PreparedDataset {
  // In phases, each with its loop in a function of its own: a long loop gets optimised while it
  // runs (on-stack replacement), and a small function is quicker to optimise than the whole.
  const all = [...profiles];
  checkIds(all);
  const { entries, themeSet, languageSet, countrySet } = activeEntries(all);
  const { order, rankOf } = offeredThenIdOrder(entries);
  const sorted = order.map((e) => entries[e]);
  const active = sorted.map((e) => e.p);
  active.forEach(checkNumbers);
  const n = active.length;
  const ids = active.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const idRank = sharedInt32(n);
  order.forEach((e, index) => (idRank[index] = rankOf[e]));
  const themes = vocabulary(themeSet);
  const languages = vocabulary(languageSet);
  const countries = vocabulary(countrySet);
  const themeIndex = new Map(themes.map((t, i) => [t, i]));
  const languageIndex = new Map(languages.map((l, i) => [l, i]));
  const countryIndex = new Map(countries.map((c, i) => [c, i]));

  const themeWords = Math.max(1, Math.ceil(themes.length / 32));
  const themeGroups = Math.max(MIN_THEME_GROUPS, Math.ceil(themes.length / GROUP_THEMES));
  const rows: MemberRows = {
    real: sharedFloat64(n * REAL_STRIDE),
    ints: sharedInt32(n * INT_STRIDE),
    levels: sharedInt32(n),
    themeBits: sharedInt32(n * themeWords * THEME_BITS),
    levelPacks: sharedInt32(n * 2 * themeGroups),
    themeWords,
    themeGroups,
  };
  const languageLists = active.map((p) => languageListOf(p, languageIndex));
  writeRows(rows, sorted, themeIndex, countryIndex, languageLists);
  const { partners, dismissed, dismissedBy } = exclusions(active, indexOf);
  const languageCsr = csr(languageLists);
  const partnerCsr = csr(sortedLists(partners, n));
  const dismissedCsr = csr(sortedLists(dismissed, n));
  const dismissedByCsr = csr(sortedLists(dismissedBy, n));
  const { real, ints, levels, themeBits, levelPacks } = rows;

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

interface MemberEntry {
  p: MatchProfile;
  needs: LevelledEntries;
  offers: LevelledEntries;
  offered: number;
}

/**
 * The active members with their levelled needs and offers, and the themes, languages and countries
 * they use. Each map's themes are listed once here and reused: reading a level by key is slow when
 * every member's map has its own shape.
 */
function activeEntries(all: readonly MatchProfile[]) {
  const entries: MemberEntry[] = [];
  const themeSet = new Set<string>();
  const languageSet = new Set<string>();
  const countrySet = new Set<string>();
  for (const p of all) {
    if (p.status !== 'active') continue;
    const needs = levelledEntries(p.needs);
    const offers = levelledEntries(p.offers);
    entries.push({ p, needs, offers, offered: levelSum(offers) });
    for (const theme of needs.themes) themeSet.add(theme);
    for (const theme of offers.themes) themeSet.add(theme);
    for (const language of p.languages) languageSet.add(language);
    countrySet.add(p.country);
  }
  return { entries, themeSet, languageSet, countrySet };
}

function writeRows(
  rows: MemberRows,
  sorted: readonly MemberEntry[],
  themeIndex: ReadonlyMap<string, number>,
  countryIndex: ReadonlyMap<string, number>,
  languageLists: readonly Int32Array[],
): void {
  for (let i = 0; i < sorted.length; i++) {
    const { p, needs, offers } = sorted[i];
    writeMemberRow(rows, i, p, themeIndex, countryIndex.get(p.country)!, languageLists[i], needs, offers);
  }
}

/** Partners (both ways), whom each member dismissed, and who dismissed each, by member index. */
function exclusions(active: readonly MatchProfile[], indexOf: ReadonlyMap<string, number>) {
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
  return { partners, dismissed, dismissedBy };
}

function checkIds(profiles: readonly MatchProfile[]): void {
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.id)) throw new InvalidProfileError(`duplicate member id "${p.id}"`);
    seen.add(p.id);
  }
}

/** Offer sums up to this are ordered by counting; any other (a level not yet refused) by comparison. */
const COUNTED_SUMS = 1 << 16;

/**
 * The members' order: by what they offer, highest first, then by id; and each entry's rank among
 * the ids in plain order. One sort of the ids without a comparator (V8 compares strings natively,
 * as byPlainOrder does), then a stable counting sort by offer sum, instead of two sorts that call
 * a comparator per comparison.
 */
function offeredThenIdOrder(entries: readonly MemberEntry[]): { order: number[]; rankOf: Int32Array } {
  const ids = entries.map((e) => e.p.id);
  const entryOf = new Map(ids.map((id, e) => [id, e]));
  const byId = ids.sort().map((id) => entryOf.get(id)!);
  const rankOf = new Int32Array(entries.length);
  byId.forEach((e, rank) => (rankOf[e] = rank));
  if (!entries.every((e) => Number.isInteger(e.offered) && e.offered < COUNTED_SUMS)) {
    const order = byId.slice().sort((a, b) => entries[b].offered - entries[a].offered || rankOf[a] - rankOf[b]);
    return { order, rankOf };
  }
  const most = entries.reduce((max, e) => Math.max(max, e.offered), 0);
  // starts[most - sum]: where the members offering `sum` begin in the order.
  const starts = new Int32Array(most + 2);
  for (const e of entries) starts[most - e.offered + 1]++;
  for (let q = 1; q < starts.length; q++) starts[q] += starts[q - 1];
  const order = new Array<number>(entries.length);
  for (const e of byId) order[starts[most - entries[e].offered]++] = e;
  return { order, rankOf };
}

function vocabulary(values: ReadonlySet<string>): string[] {
  return [...values].sort(byPlainOrder);
}

/** Sparse lists of member indices, each sorted without repeats, one per member. */
function sortedLists(sparse: readonly (number[] | undefined)[], n: number): number[][] {
  const none: number[] = [];
  return Array.from({ length: n }, (_, i) => (sparse[i] ? [...new Set(sparse[i])].sort((a, b) => a - b) : none));
}

function levelSum(entries: LevelledEntries): number {
  let sum = 0;
  for (const level of entries.levels) sum += level;
  return sum;
}
