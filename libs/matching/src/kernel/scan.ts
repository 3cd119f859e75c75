import { EARTH_RADIUS_KM, GEO_SCALE_KM, geoFromChord2 } from '../pair-math';
import type { Weights } from '../weights';
import {
  COUNTRY,
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
  THEME_BITS,
  THEMATIC_SCALE,
  X,
  Y,
  Z,
  type KernelArrays,
} from './kernel-arrays';
import { NOT_FOR_COLUMN, NOT_FOR_ROW, RowScratch } from './row-scratch';
import type { TopKHeaps } from './top-k-heap';

/**
 * Slack on the pruning bound: rounding makes the computed score only almost monotone in its
 * inputs, so a pair is skipped only when its bound is clearly below the bar.
 */
const BOUND_SLACK = 1e-12;

/**
 * Upper bounds of geo proximity by squared chord (0 to 4 between unit vectors): entry b
 * holds the proximity at the bucket's near edge, b / GEO_BUCKETS_PER_CHORD2.
 */
const GEO_BUCKETS_PER_CHORD2 = 1024;
const GEO_BOUND = Float64Array.from({ length: 4 * GEO_BUCKETS_PER_CHORD2 + 2 }, (_, b) =>
  geoFromChord2(b / GEO_BUCKETS_PER_CHORD2),
);

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
): number {
  const scratch = new RowScratch(a);
  let pairs = 0;
  for (let from = nextRow(); from >= 0 && from < end; from = nextRow()) {
    const to = Math.min(from + chunk, end);
    let chunkPairs = 0;
    for (let i = from; i < to; i++) {
      scratch.load(i);
      scanColumns(a, w, heaps, scratch, start, end, i, 0, start);
      scanColumns(a, w, heaps, scratch, start, end, i, i + 1, a.n);
      scratch.unload(i);
      chunkPairs += start + (a.n - 1 - i);
    }
    pairs += chunkPairs;
    onChunk?.(chunkPairs);
  }
  return pairs;
}

/**
 * Row i against columns from..to-1, in stages that each end with a cheap test: same
 * country; theme fit both ways (none: not a candidate); an upper bound of the score that
 * takes shared needs at their most (the row's levels over the common needs), a language in
 * common if the folds meet, and the nearest distance in the bucket; then the exact shared
 * needs and language, a second bound; and only then the distance. A pair is dropped as soon as its bound falls below the bar of
 * every list it counts for.
 *
 * The arithmetic is written out here rather than called from pair-math, because V8 boxes
 * doubles returned from calls it does not inline; it must stay bit-for-bit the same as
 * pair-math and components (tests compare them). Theme sums are exact small integers, the
 * same in any order: Σ need·offer = Σ over the column's offers at low bit of the row's need
 * levels + 2 × the same over its high bit (level = low + 2 × high), read from the row's
 * subset-sum tables; Σ min(need, need') = |≥1 ∩ ≥1'| + |≥2 ∩ ≥2'| + |≥3 ∩ ≥3'| with
 * ≥1 = low|high, ≥2 = high, ≥3 = low&high, counted per byte in parallel.
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
  const { ints, real, themeBits, themeWords, languageStart, languageId } = a;
  const { exclude, language, needSums, offerSums } = s;
  const { thematic: wT, shared: wS, population: wP, geo: wG, language: wL } = w;
  const floor = heaps.floor;
  const ii = i * INT_STRIDE;
  const country = ints[ii + COUNTRY];
  const languageMask = ints[ii + LANGUAGE_MASK];
  const ib = i * REAL_STRIDE;
  const xi = real[ib + X];
  const yi = real[ib + Y];
  const zi = real[ib + Z];
  const upI = real[ib + SIZE_UP];
  const downI = real[ib + SIZE_DOWN];
  const thematicScaleI = real[ib + THEMATIC_SCALE];
  const sharedScaleI = real[ib + SHARED_SCALE];
  const needSumI = real[ib + NEED_LEVEL_SUM];
  const rowBits = i * themeWords * THEME_BITS;
  const wordBits = themeWords * THEME_BITS;
  const rowSlot = i - start;
  // Up to 32 themes, the row's bits stay in registers.
  const narrow = themeWords === 1;
  const rowNeeds = themeBits[rowBits + NEED_LOW] | themeBits[rowBits + NEED_HIGH];
  const rowOffers = themeBits[rowBits + OFFER_LOW] | themeBits[rowBits + OFFER_HIGH];
  for (let j = from; j < to; j++) {
    if (ints[j * INT_STRIDE + COUNTRY] === country) continue;
    // Stage 1, theme fit both ways, from the row's subset-sum tables.
    let forRow = 0;
    let forColumn = 0;
    let commonNeeds = 0;
    if (narrow) {
      const c = j * THEME_BITS;
      const cnl = themeBits[c + NEED_LOW];
      const cnh = themeBits[c + NEED_HIGH];
      const col = themeBits[c + OFFER_LOW];
      const coh = themeBits[c + OFFER_HIGH];
      if (((rowNeeds & (col | coh)) | (rowOffers & (cnl | cnh))) === 0) continue;
      forRow = wordSum(needSums, 0, col) + 2 * wordSum(needSums, 0, coh);
      forColumn = wordSum(offerSums, 0, cnl) + 2 * wordSum(offerSums, 0, cnh);
      commonNeeds = wordSum(needSums, 0, cnl | cnh);
    } else {
      for (let word = 0, r = rowBits, c = j * wordBits; word < themeWords; word++, r += THEME_BITS, c += THEME_BITS) {
        const cnl = themeBits[c + NEED_LOW];
        const cnh = themeBits[c + NEED_HIGH];
        const col = themeBits[c + OFFER_LOW];
        const coh = themeBits[c + OFFER_HIGH];
        const needs = themeBits[r + NEED_LOW] | themeBits[r + NEED_HIGH];
        const offers = themeBits[r + OFFER_LOW] | themeBits[r + OFFER_HIGH];
        if (((needs & (col | coh)) | (offers & (cnl | cnh))) === 0) continue;
        const base = word << 10;
        forRow += wordSum(needSums, base, col) + 2 * wordSum(needSums, base, coh);
        forColumn += wordSum(offerSums, base, cnl) + 2 * wordSum(offerSums, base, cnh);
        commonNeeds += wordSum(needSums, base, cnl | cnh);
      }
    }
    if (forRow === 0 && forColumn === 0) continue;
    const x = exclude[j];
    const forColumnList = (x & NOT_FOR_COLUMN) === 0 && j >= start && j < end;
    const rowFloor = (x & NOT_FOR_ROW) === 0 ? floor[rowSlot] : Infinity;
    const columnFloor = forColumnList ? floor[j - start] : Infinity;
    const atLeast = rowFloor < columnFloor ? rowFloor : columnFloor;
    if (atLeast === Infinity) continue;

    const jb = j * REAL_STRIDE;
    const upJ = real[jb + SIZE_UP];
    const p1 = upI * real[jb + SIZE_DOWN];
    const p2 = upJ * downI;
    const population = upI === upJ ? 1 : p1 < p2 ? p1 : p2;
    const thematicX = forRow * thematicScaleI;
    const thematicY = forColumn * real[jb + THEMATIC_SCALE];
    const sharedScaleJ = real[jb + SHARED_SCALE];
    const dx = xi - real[jb + X];
    const dy = yi - real[jb + Y];
    const dz = zi - real[jb + Z];
    const chord2 = dx * dx + dy * dy + dz * dz;
    const geoBound = wG * GEO_BOUND[(chord2 * GEO_BUCKETS_PER_CHORD2) | 0];
    const languageMaybe = (languageMask & ints[j * INT_STRIDE + LANGUAGE_MASK]) !== 0;
    if (atLeast > -Infinity) {
      // Stage 2: bound with shared needs at most the row's need levels over the common needs
      // (or the column's need sum), a language in common if the folds meet, and the nearest
      // distance in the bucket.
      const sharedMost = commonNeeds < real[jb + NEED_LEVEL_SUM] ? commonNeeds : real[jb + NEED_LEVEL_SUM];
      const rest = wP * population + (languageMaybe ? wL : 0) + geoBound;
      const bx = wT * thematicX + wS * (sharedMost * sharedScaleI) + rest;
      const by = wT * thematicY + wS * (sharedMost * sharedScaleJ) + rest;
      if (2 * (bx * by) < (atLeast - BOUND_SLACK) * (bx + by)) continue;
    }

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
      // Each 4-bit count is at most 4, so three of them fit a nibble.
      let sum = b1 + b2 + b3;
      sum = (sum & 0x0f0f0f0f) + ((sum >>> 4) & 0x0f0f0f0f);
      shared += Math.imul(sum, 0x01010101) >>> 24;
    }
    let lang = 0;
    if (languageMaybe) {
      for (let q = languageStart[j], e = languageStart[j + 1]; q < e; q++) {
        if (language[languageId[q]] !== 0) {
          lang = 1;
          break;
        }
      }
    }
    // directional(): ((T + S) + P) + L, then + G.
    const baseX = wT * thematicX + wS * (shared * sharedScaleI) + wP * population + wL * lang;
    const baseY = wT * thematicY + wS * (shared * sharedScaleJ) + wP * population + wL * lang;
    if (atLeast > -Infinity) {
      const bx = baseX + geoBound;
      const by = baseY + geoBound;
      if (2 * (bx * by) < (atLeast - BOUND_SLACK) * (bx + by)) continue;
    }

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

/** Σ of a row's subset-sum table over the four bytes of one 32-theme word. */
function wordSum(table: Uint8Array, base: number, bits: number): number {
  return (
    table[base + (bits & 255)] +
    table[base + 256 + ((bits >>> 8) & 255)] +
    table[base + 512 + ((bits >>> 16) & 255)] +
    table[base + 768 + (bits >>> 24)]
  );
}
