import type { MatchProfile } from '../profile';
import { INT_STRIDE, REAL_STRIDE, THEME_BITS } from './kernel-arrays';
import {
  checkNumbers,
  csr,
  languageListOf,
  levelledThemes,
  sharedFloat64,
  sharedInt32,
  writeMemberRow,
  type MemberRows,
} from './member-rows';
import type { PreparedDataset } from './prepared-dataset';

/**
 * `prepared` with one active member's profile changed from `before` to `after`, without preparing
 * every member again: its rows are rewritten in copies of the arrays and every member keeps its
 * index. Scores do not depend on indices (equal scores break by id), so the kernel finds the same
 * lists as on prepareDataset's answer; only the scan order, which prepareDataset chooses for speed,
 * may be a little off. `prepared` itself is left as it was.
 *
 * Undefined when only a full prepare will do: the member is not active before and after the change,
 * its partners or dismissals changed (they are kept for both sides of a pair), or it names a theme,
 * language or country that no member had.
 */
export function replaceMember(prepared: PreparedDataset, before: MatchProfile, after: MatchProfile): PreparedDataset | undefined {
  const i = prepared.indexOf.get(after.id);
  if (i === undefined || before.id !== after.id || before.status !== 'active' || after.status !== 'active') return undefined;
  if (!sameIds(before.partners, after.partners) || !sameIds(before.dismissed, after.dismissed)) return undefined;
  const themeIndex = indexMap(prepared.themes);
  const languageIndex = indexMap(prepared.languages);
  const country = prepared.countries.indexOf(after.country);
  const themes = [...levelledThemes(after.needs), ...levelledThemes(after.offers)];
  if (country < 0 || !themes.every((t) => themeIndex.has(t)) || !after.languages.every((l) => languageIndex.has(l))) return undefined;
  checkNumbers(after);

  const a = prepared.arrays;
  const rows: MemberRows = {
    real: copyOf(a.real, sharedFloat64),
    ints: copyOf(a.ints, sharedInt32),
    levels: copyOf(a.levels, sharedInt32),
    themeBits: copyOf(a.themeBits, sharedInt32),
    levelPacks: copyOf(a.levelPacks, sharedInt32),
    themeWords: a.themeWords,
    themeGroups: a.themeGroups,
  };
  rows.real.fill(0, i * REAL_STRIDE, (i + 1) * REAL_STRIDE);
  rows.ints.fill(0, i * INT_STRIDE, (i + 1) * INT_STRIDE);
  rows.levels[i] = 0;
  rows.themeBits.fill(0, i * a.themeWords * THEME_BITS, (i + 1) * a.themeWords * THEME_BITS);
  rows.levelPacks.fill(0, 2 * a.themeGroups * i, 2 * a.themeGroups * (i + 1));
  const languageList = languageListOf(after, languageIndex);
  writeMemberRow(rows, i, after, themeIndex, country, languageList);

  const languageLists = Array.from({ length: a.n }, (_, m) =>
    m === i ? languageList : a.languageId.subarray(a.languageStart[m], a.languageStart[m + 1]),
  );
  const languages = csr(languageLists);
  const { themeWords: _words, themeGroups: _groups, ...arrays } = rows;
  return { ...prepared, arrays: { ...a, ...arrays, languageStart: languages.start, languageId: languages.items } };
}

function sameIds(before: readonly string[], after: readonly string[]): boolean {
  const a = new Set(before);
  const b = new Set(after);
  return a.size === b.size && [...a].every((id) => b.has(id));
}

function indexMap(values: readonly string[]): Map<string, number> {
  return new Map(values.map((value, at) => [value, at]));
}

function copyOf<T extends Float64Array | Int32Array>(array: T, allocate: (length: number) => T): T {
  const copy = allocate(array.length);
  copy.set(array);
  return copy;
}
