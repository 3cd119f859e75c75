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
  const all = [...profiles];
  checkIds(all);
  // Each map's themes are listed once here and reused below: reading a level by key is slow
  // when every member's map has its own shape.
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
  entries.sort((a, b) => b.offered - a.offered || byPlainOrder(a.p.id, b.p.id));
  const active = entries.map((e) => e.p);
  active.forEach(checkNumbers);
  const n = active.length;
  const ids = active.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const idRank = sharedInt32(n);
  [...ids.keys()].sort((a, b) => byPlainOrder(ids[a], ids[b])).forEach((index, rank) => (idRank[index] = rank));
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

interface MemberEntry {
  p: MatchProfile;
  needs: LevelledEntries;
  offers: LevelledEntries;
  offered: number;
}

function checkIds(profiles: readonly MatchProfile[]): void {
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.id)) throw new InvalidProfileError(`duplicate member id "${p.id}"`);
    seen.add(p.id);
  }
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
