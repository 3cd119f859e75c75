import { EARTH_RADIUS_KM, GEO_SCALE_KM } from '../pair-math';
import { GOVERNMENT_LEVELS, TIER_FIT } from '../pair-functions';
import type { Weights } from '../weights';
import {
  COUNTRY,
  FIELD_LOW_BITS,
  INT_STRIDE,
  LANGUAGE_MASK,
  NEED_HIGH,
  NEED_LEVEL_SUM,
  NEED_LOW,
  REAL_STRIDE,
  SHARED_SCALE,
  SIZE_DOWN,
  SIZE_UP,
  THEME_BITS,
  THEMATIC_SCALE,
  X,
  Y,
  Z,
  type KernelArrays,
} from './kernel-arrays';
import { GEO_BOUND, GEO_BUCKETS_PER_CHORD2 } from './geo-bound';
import { COLUMN_LIST_LENGTH, NOT_FOR_COLUMN, NOT_FOR_ROW, RowScratch } from './row-scratch';
import type { Survivors } from './survivors';
import type { TopKHeaps } from './top-k-heap';

/** tier(A, B) by level numbers: TIER_BY_LEVELS[level A × LEVELS + level B]. */
const LEVELS = GOVERNMENT_LEVELS.length;
const TIER_BY_LEVELS = Float64Array.from(TIER_FIT.flat());

/**
 * Slack on the pruning bound: rounding makes the computed score only almost monotone in its
 * inputs, so a pair is skipped only when its bound is clearly below the bar.
 */
const BOUND_SLACK = 1e-12;

/** Columns per first pass: the bars it reads are at most this many columns old. */
const COLUMN_BLOCK = COLUMN_LIST_LENGTH;

/**
 * Scans rows handed out by `nextRow` (a chunk start, or -1 when done) for sources in
 * [start, end). Each unordered pair is scored once: row i meets columns before `start`
 * (outside the range) and columns after i, and the score feeds both heaps it concerns.
 * Returns the number of pairs considered.
 */
export function scanRows(
  a: KernelArrays,
  w: Weights,
  heaps: TopKHeaps,
  start: number,
  end: number,
  chunk: number,
  nextRow: () => number,
  onChunk?: (pairs: number) => void,
  wasm = true,
): number {
  const scratch = new RowScratch(a, wasm);
  let pairs = 0;
  for (let from = nextRow(); from >= 0 && from < end; from = nextRow()) {
    const to = Math.min(from + chunk, end);
    let chunkPairs = 0;
    for (let i = from; i < to; i++) chunkPairs += start + (a.n - 1 - i);
    if (to - from === 1) {
      scratch.load(from);
      scanColumns(a, w, heaps, scratch, start, end, from, 0, start);
      scanColumns(a, w, heaps, scratch, start, end, from, from + 1, a.n);
      scratch.unload(from);
    } else {
      // The chunk's rows meet one block of columns after another, so that a block is
      // read from memory once per chunk rather than once per row.
      for (let block = 0; block < a.n; block += COLUMN_BLOCK) {
        const last = block + COLUMN_BLOCK < a.n ? block + COLUMN_BLOCK : a.n;
        for (let i = from; i < to; i++) {
          const before = last < start ? last : start;
          const after = block > i + 1 ? block : i + 1;
          if (block >= before && after >= last) continue;
          scratch.load(i);
          if (block < before) scanColumns(a, w, heaps, scratch, start, end, i, block, before);
          if (after < last) scanColumns(a, w, heaps, scratch, start, end, i, after, last);
          scratch.unload(i);
        }
      }
    }
    pairs += chunkPairs;
    onChunk?.(chunkPairs);
  }
  return pairs;
}

/**
 * Row i against columns from..to-1, a block at a time: a tight first pass keeps the
 * columns that may enter either list (in WebAssembly where it applies, else filterColumns),
 * then scoreSurvivors scores them.
 */
export function scanColumns(
  a: KernelArrays,
  w: Weights,
  heaps: TopKHeaps,
  s: RowScratch,
  start: number,
  end: number,
  i: number,
  from: number,
  to: number,
): void {
  const wasm = s.wasm;
  const kept: Survivors = wasm ?? s.survivors;
  for (let block = from; block < to; block += COLUMN_BLOCK) {
    const last = block + COLUMN_BLOCK < to ? block + COLUMN_BLOCK : to;
    const count = wasm
      ? wasm.filter(s.row, w, heaps.floor, start, end, i, block, last)
      : filterColumns(a, w, heaps.floor, s, start, end, i, block, last);
    if (count > 0) scoreSurvivors(a, w, heaps, s, start, end, i, kept, count);
  }
}

/**
 * The first pass for row i and columns from..to-1, in stages that each end with a cheap
 * test: same country; theme fit both ways (none: not a candidate); then an upper bound of
 * the score that takes shared needs at their most (the row's levels over the common needs,
 * or the column's need sum), a language in common if the folds meet, tier at 1, and the
 * nearest distance in the bucket. The columns that pass go to `s.survivors` (returns how
 * many). Partners and dismissals are left to scoreSurvivors, so the bound is tested against
 * the lower of the two bars: a superset of the pairs that can enter a list.
 *
 * Theme sums are exact small integers, the same in any order: Σ need·offer as dot products
 * of packed levels, five themes per multiplication (see kernel-arrays).
 */
export function filterColumns(
  a: KernelArrays,
  w: Weights,
  floor: Float64Array,
  s: RowScratch,
  start: number,
  end: number,
  i: number,
  from: number,
  to: number,
): number {
  const { ints, real, levelPacks, themeGroups } = a;
  const { needsReversed, offersReversed } = s;
  const { list, themeSums } = s.survivors;
  const { thematic: wT, shared: wS, population: wP, geo: wG } = w;
  // Language and tier at their most, added once here rather than per column: tier is at most 1,
  // and a language in common is possible only when the folds meet.
  const languageOrTier = w.language + w.tier;
  const tierOnly = w.tier;
  const packStride = 2 * themeGroups;
  const country = ints[i * INT_STRIDE + COUNTRY];
  const languageMask = ints[i * INT_STRIDE + LANGUAGE_MASK];
  const ib = i * REAL_STRIDE;
  const xi = real[ib + X];
  const yi = real[ib + Y];
  const zi = real[ib + Z];
  const upI = real[ib + SIZE_UP];
  const downI = real[ib + SIZE_DOWN];
  const thematicScaleI = real[ib + THEMATIC_SCALE];
  const sharedScaleI = real[ib + SHARED_SCALE];
  const rowFloor = floor[i - start];
  let count = 0;
  for (let j = from; j < to; j++) {
    if (ints[j * INT_STRIDE + COUNTRY] === country) continue;
    let forRow = 0;
    let forColumn = 0;
    let commonNeeds = 0;
    const c = j * packStride;
    for (let g = 0; g < themeGroups; g++) {
      const needs = levelPacks[c + g];
      const rowNeeds = needsReversed[g];
      forRow += (Math.imul(rowNeeds, levelPacks[c + themeGroups + g]) >>> 24) & 63;
      forColumn += (Math.imul(offersReversed[g], needs) >>> 24) & 63;
      commonNeeds += (Math.imul(rowNeeds, (needs | (needs >>> 1)) & FIELD_LOW_BITS) >>> 24) & 63;
    }
    if (forRow === 0 && forColumn === 0) continue;
    const columnFloor = j >= start && j < end ? floor[j - start] : Infinity;
    const atLeast = rowFloor < columnFloor ? rowFloor : columnFloor;
    const jb = j * REAL_STRIDE;
    const upJ = real[jb + SIZE_UP];
    const p1 = upI * real[jb + SIZE_DOWN];
    const p2 = upJ * downI;
    const population = upI === upJ ? 1 : p1 < p2 ? p1 : p2;
    const dx = xi - real[jb + X];
    const dy = yi - real[jb + Y];
    const dz = zi - real[jb + Z];
    const chord2 = dx * dx + dy * dy + dz * dz;
    const needSumJ = real[jb + NEED_LEVEL_SUM];
    const sharedMost = commonNeeds < needSumJ ? commonNeeds : needSumJ;
    const rest =
      wP * population +
      ((languageMask & ints[j * INT_STRIDE + LANGUAGE_MASK]) !== 0 ? languageOrTier : tierOnly) +
      wG * GEO_BOUND[(chord2 * GEO_BUCKETS_PER_CHORD2) | 0];
    const bx = wT * (forRow * thematicScaleI) + wS * (sharedMost * sharedScaleI) + rest;
    const by = wT * (forColumn * real[jb + THEMATIC_SCALE]) + wS * (sharedMost * real[jb + SHARED_SCALE]) + rest;
    // With no bar yet (−∞) the test is false, so the pair is kept.
    if (2 * (bx * by) < (atLeast - BOUND_SLACK) * (bx + by)) continue;
    list[count] = j;
    themeSums[count] = forRow | (forColumn << 8);
    count++;
  }
  return count;
}

/**
 * The last stages for the columns a first pass kept, from the theme sums it passed on: partners
 * and dismissals; population, the exact shared needs, language and tier, and a second bound with
 * the nearest distance in the bucket, in doubles; and only then the distance. A pair is dropped
 * as soon as its bound falls below the bar of every list it counts for.
 *
 * The arithmetic is written out here rather than called from pair-math, because V8 boxes
 * doubles returned from calls it does not inline; it must stay bit-for-bit the same as
 * pair-math and pair-functions, and add the components in the component table's order
 * (tests compare them). Σ min(need, need') = |≥1 ∩ ≥1'| + |≥2 ∩ ≥2'| + |≥3 ∩ ≥3'| with
 * ≥1 = low|high, ≥2 = high, ≥3 = low&high on the level bit sets, counted per byte in parallel.
 */
function scoreSurvivors(
  a: KernelArrays,
  w: Weights,
  heaps: TopKHeaps,
  s: RowScratch,
  start: number,
  end: number,
  i: number,
  kept: Survivors,
  count: number,
): void {
  const { ints, levels, real, themeBits, themeWords, languageStart, languageId } = a;
  const { exclude, language } = s;
  const { list, themeSums } = kept;
  const { thematic: wT, shared: wS, population: wP, language: wL, tier: wTier, geo: wG } = w;
  const floor = heaps.floor;
  const languageMask = ints[i * INT_STRIDE + LANGUAGE_MASK];
  const rowLevel = levels[i] * LEVELS;
  const ib = i * REAL_STRIDE;
  const xi = real[ib + X];
  const yi = real[ib + Y];
  const zi = real[ib + Z];
  const upI = real[ib + SIZE_UP];
  const downI = real[ib + SIZE_DOWN];
  const thematicScaleI = real[ib + THEMATIC_SCALE];
  const sharedScaleI = real[ib + SHARED_SCALE];
  const rowBits = i * themeWords * THEME_BITS;
  const wordBits = themeWords * THEME_BITS;
  const rowSlot = i - start;
  for (let q = 0; q < count; q++) {
    const j = list[q];
    const x = exclude[j];
    const forColumnList = (x & NOT_FOR_COLUMN) === 0 && j >= start && j < end;
    const rowFloor = (x & NOT_FOR_ROW) === 0 ? floor[rowSlot] : Infinity;
    const columnFloor = forColumnList ? floor[j - start] : Infinity;
    const atLeast = rowFloor < columnFloor ? rowFloor : columnFloor;
    if (atLeast === Infinity) continue;
    const sums = themeSums[q];
    // Population and squared chord as filterColumns computes them (the WebAssembly pass bounds
    // them in single precision only).
    const jb = j * REAL_STRIDE;
    const upJ = real[jb + SIZE_UP];
    const p1 = upI * real[jb + SIZE_DOWN];
    const p2 = upJ * downI;
    const population = upI === upJ ? 1 : p1 < p2 ? p1 : p2;
    const dx = xi - real[jb + X];
    const dy = yi - real[jb + Y];
    const dz = zi - real[jb + Z];
    const chord2 = dx * dx + dy * dy + dz * dz;
    const thematicX = (sums & 255) * thematicScaleI;
    const thematicY = (sums >>> 8) * real[jb + THEMATIC_SCALE];
    const sharedScaleJ = real[jb + SHARED_SCALE];
    const geoBound = wG * GEO_BOUND[(chord2 * GEO_BUCKETS_PER_CHORD2) | 0];

    // Stage 3: shared needs, Σ min(need, need') = |≥1 ∩ ≥1'| + |≥2 ∩ ≥2'| + |≥3 ∩ ≥3'|.
    let shared = 0;
    for (let r = rowBits, c = j * wordBits, last = rowBits + wordBits; r < last; r += THEME_BITS, c += THEME_BITS) {
      const nl = themeBits[r + NEED_LOW];
      const nh = themeBits[r + NEED_HIGH];
      const cnl = themeBits[c + NEED_LOW];
      const cnh = themeBits[c + NEED_HIGH];
      let b1 = (nl | nh) & (cnl | cnh);
      b1 -= (b1 >>> 1) & 0x55555555;
      b1 = (b1 & 0x33333333) + ((b1 >>> 2) & 0x33333333);
      let b2 = nh & cnh;
      b2 -= (b2 >>> 1) & 0x55555555;
      b2 = (b2 & 0x33333333) + ((b2 >>> 2) & 0x33333333);
      let b3 = nl & nh & cnl & cnh;
      b3 -= (b3 >>> 1) & 0x55555555;
      b3 = (b3 & 0x33333333) + ((b3 >>> 2) & 0x33333333);
      let sum = b1 + b2 + b3;
      sum = (sum & 0x0f0f0f0f) + ((sum >>> 4) & 0x0f0f0f0f);
      shared += Math.imul(sum, 0x01010101) >>> 24;
    }
    let lang = 0;
    if ((languageMask & ints[j * INT_STRIDE + LANGUAGE_MASK]) !== 0) {
      for (let q2 = languageStart[j], e = languageStart[j + 1]; q2 < e; q2++) {
        if (language[languageId[q2]] !== 0) {
          lang = 1;
          break;
        }
      }
    }
    // directional() in table order: T + S + P + L + tier, then + G. At weight 0 the tier term
    // is +0, which leaves a sum as it is: skipping it gives the same bits.
    let baseX = wT * thematicX + wS * (shared * sharedScaleI) + wP * population + wL * lang;
    let baseY = wT * thematicY + wS * (shared * sharedScaleJ) + wP * population + wL * lang;
    if (wTier !== 0) {
      const tier = wTier * TIER_BY_LEVELS[rowLevel + levels[j]];
      baseX += tier;
      baseY += tier;
    }
    // Tested also while a bar is still −∞ (then false: the pair is kept), so that the test has run
    // before V8 optimises this function in a thread's first rows, where every bar is −∞.
    const bx = baseX + geoBound;
    const by = baseY + geoBound;
    if (2 * (bx * by) < (atLeast - BOUND_SLACK) * (bx + by)) continue;

    // Stage 4: the distance.
    const half = Math.sqrt(chord2) * 0.5;
    const km = 2 * EARTH_RADIUS_KM * Math.asin(half < 1 ? half : 1);
    const geo = wG * Math.exp(-km / GEO_SCALE_KM);
    const dirX = baseX + geo;
    const dirY = baseY + geo;
    const sum = dirX + dirY;
    const score = sum > 0 ? (2 * (dirX * dirY)) / sum : 0;
    if (score >= rowFloor) heaps.offer(rowSlot, score, j);
    if (score >= columnFloor) heaps.offer(j - start, score, i);
  }
}
