import type { Weights } from '../component-table';
import {
  COUNTRY,
  FIELD_LOW_BITS,
  INT_STRIDE,
  LANGUAGE_MASK,
  MIN_THEME_GROUPS,
  NEED_LEVEL_SUM,
  REAL_STRIDE,
  SHARED_SCALE,
  SIZE_DOWN,
  SIZE_UP,
  THEMATIC_SCALE,
  X,
  Y,
  Z,
  type KernelArrays,
} from './kernel-arrays';
import { GEO_BOUND, GEO_BUCKETS_PER_CHORD2 } from './geo-bound';
import type { Survivors } from './survivors';
import { FunctionBuilder, moduleOf, type Local, type ValueType } from './wasm-emitter';

/**
 * The first pass of the scan (filterColumns in scan.ts) compiled to WebAssembly, four columns at
 * a time in 128-bit vectors (each lane computes, for its column, what filterColumns computes),
 * without the tag checks, bounds checks and spills of the JavaScript loop. Only the survivors'
 * scores are computed, in JavaScript and in doubles, by scoreSurvivors.
 *
 * The theme sums are exact integers, as in filterColumns. The bound is computed in single
 * precision, four lanes to a vector where doubles fit two, and tested with a wider slack
 * (FILTER_SLACK), so the module keeps every column filterColumns keeps and a few more near the
 * bars (tested); scoreSurvivors drops those with the exact bound. Every value in the bound lies
 * in [0, 2], and the dozen roundings on its way, each within 2⁻²⁴ of its value, stay far below
 * the slack. The squared chord, which decides the geo bucket, is lowered by CHORD2_MARGIN before
 * its bucket is taken, so that its rounding never moves a pair to a farther bucket.
 *
 * The module is written below with a small emitter (wasm-emitter.ts): one function, `filter`,
 * over a private copy of the columns' fields in the module's memory:
 *
 *   [GEO_AT ..)      the geo bound table (f32)
 *   [FLOORS_AT ..)   the bars of the current block's columns (f64, written before each call),
 *                    from the column at or before its first whose index is a multiple of 4
 *   [LIST_AT ..)     the columns kept (i32) and their theme sums; the function returns how many
 *   [COLUMNS_AT ..)  columns 4q .. 4q+3 side by side in record q, QUAD_BYTES each: each field
 *                    as four lanes, so that one load fills a vector (see QUAD_FIELDS)
 */
export const FILTER_BLOCK = 1024;
/** The columns a call may read, from the multiple of 4 at or before its first. */
const BLOCK_SLOTS = FILTER_BLOCK + 8;
const GEO_AT = 0;
/** Slack of the single-precision bound test; the scores lie in [0, 1]. */
const FILTER_SLACK = 1e-5;
/** Far above the squared chord's rounding in single precision (a few 1e-7 for chords up to 2). */
const CHORD2_MARGIN = 1e-5;
const LANES = 4;
/** A shuffle's byte lanes: the first 8 bytes of each of two vectors. */
const FIRST_HALVES = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];

/** A quad's fields, in order: i32 lanes, then f32 lanes, 16 bytes each. */
const QUAD_INTS = ['country', 'languageMask', 'needs0', 'needs1', 'needs2', 'offers0', 'offers1', 'offers2'] as const;
const QUAD_REALS = ['x', 'y', 'z', 'up', 'down', 'thematicScale', 'sharedScale', 'needLevelSum'] as const;
type QuadField = (typeof QUAD_INTS)[number] | (typeof QUAD_REALS)[number];
const QUAD_FIELD_NAMES: readonly QuadField[] = [...QUAD_INTS, ...QUAD_REALS];
const QUAD_FIELDS = Object.fromEntries(QUAD_FIELD_NAMES.map((name, q) => [name, 16 * q])) as Record<QuadField, number>;
const QUAD_BYTES = 16 * QUAD_FIELD_NAMES.length;

interface FilterLayout {
  floorsAt: number;
  listAt: number;
  sumsAt: number;
  columnsAt: number;
}

function layout(geoEntries: number): FilterLayout {
  const floorsAt = align(GEO_AT + 4 * geoEntries);
  const listAt = align(floorsAt + 8 * BLOCK_SLOTS);
  const sumsAt = align(listAt + 4 * BLOCK_SLOTS);
  const columnsAt = align(sumsAt + 4 * BLOCK_SLOTS);
  return { floorsAt, listAt, sumsAt, columnsAt };
}

function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

/** Row i's values for one call. */
export interface FilterRow {
  country: number;
  languageMask: number;
  needsReversed: Int32Array;
  offersReversed: Int32Array;
  x: number;
  y: number;
  z: number;
  up: number;
  down: number;
  thematicScale: number;
  sharedScale: number;
}

type FilterFunction = (
  from: number,
  to: number,
  country: number,
  languageMask: number,
  rn0: number,
  rn1: number,
  rn2: number,
  ro0: number,
  ro1: number,
  ro2: number,
  xi: number,
  yi: number,
  zi: number,
  upI: number,
  downI: number,
  thematicScaleI: number,
  sharedScaleI: number,
  rowFloor: number,
  wT: number,
  wS: number,
  wP: number,
  wG: number,
  languageOrTier: number,
  tierOnly: number,
) => number;

/** The part of the WebAssembly API used here (the project's type libraries do not declare it). */
interface WasmModule {
  readonly kind?: 'module';
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly is not available. */
function filterModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi ? new wasmApi.Module(moduleBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** One instance per dataset (and thread): its columns copied into the module's memory. */
export class WasmFilter implements Survivors {
  /** The columns kept by the last call, in list[0 .. count-1], and their theme sums (see Survivors). */
  readonly list: Int32Array;
  readonly themeSums: Int32Array;
  private readonly floors: Float64Array;
  private readonly run: FilterFunction;

  private constructor(a: KernelArrays, module: WasmModule) {
    const { floorsAt, listAt, sumsAt, columnsAt } = layout(GEO_BOUND.length);
    const bytes = columnsAt + QUAD_BYTES * Math.ceil(a.n / LANES);
    const memory = new wasmApi!.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    const instance = new wasmApi!.Instance(module, { env: { memory } });
    this.run = instance.exports.filter as FilterFunction;
    const buffer = memory.buffer;
    new Float32Array(buffer, GEO_AT, GEO_BOUND.length).set(GEO_BOUND);
    this.floors = new Float64Array(buffer, floorsAt, BLOCK_SLOTS);
    this.list = new Int32Array(buffer, listAt, BLOCK_SLOTS);
    this.themeSums = new Int32Array(buffer, sumsAt, BLOCK_SLOTS);
    copyColumns(a, new Int32Array(buffer, columnsAt), new Float32Array(buffer, columnsAt));
  }

  /** A filter for the dataset, or null when it does not apply (more than 15 themes, or no WebAssembly). */
  static create(a: KernelArrays): WasmFilter | null {
    if (a.themeGroups !== MIN_THEME_GROUPS) return null;
    const module = filterModule();
    return module ? new WasmFilter(a, module) : null;
  }

  /**
   * Row i against columns from..to-1 (at most FILTER_BLOCK): every column that may enter either
   * list goes to `list`, with a few more near the bars; returns how many. `floor` holds the bars
   * of sources [start, end); row i is one of them. The module reads the bars four at a time,
   * from the multiple of 4 at or before `from`.
   */
  filter(row: FilterRow, w: Weights, floor: Float64Array, start: number, end: number, i: number, from: number, to: number): number {
    const floors = this.floors;
    const first = from & ~(LANES - 1);
    const lo = from > start ? from : start;
    const hi = to < end ? to : end;
    if (lo < hi) {
      floors.fill(Infinity, 0, lo - first);
      floors.set(floor.subarray(lo - start, hi - start), lo - first);
      floors.fill(Infinity, hi - first, to - first + LANES);
    } else {
      floors.fill(Infinity, 0, to - first + LANES);
    }
    const rn = row.needsReversed;
    const ro = row.offersReversed;
    return this.run(
      from,
      to,
      row.country,
      row.languageMask,
      rn[0],
      rn[1],
      rn[2],
      ro[0],
      ro[1],
      ro[2],
      row.x,
      row.y,
      row.z,
      row.up,
      row.down,
      row.thematicScale,
      row.sharedScale,
      floor[i - start],
      w.thematic,
      w.shared,
      w.population,
      w.geo,
      w.language + w.tier,
      w.tier,
    );
  }
}

// ---------------------------------------------------------------------------------------
// The module, written with the emitter: the arithmetic of filterColumns, four lanes at a time.

/** The function's parameters, in the order of FilterFunction. */
const PARAMS = [
  ['from', 'i32'],
  ['to', 'i32'],
  ['country', 'i32'],
  ['languageMask', 'i32'],
  ['rn0', 'i32'],
  ['rn1', 'i32'],
  ['rn2', 'i32'],
  ['ro0', 'i32'],
  ['ro1', 'i32'],
  ['ro2', 'i32'],
  ['xi', 'f32'],
  ['yi', 'f32'],
  ['zi', 'f32'],
  ['upI', 'f32'],
  ['downI', 'f32'],
  ['thematicScaleI', 'f32'],
  ['sharedScaleI', 'f32'],
  ['rowFloor', 'f32'],
  ['wT', 'f32'],
  ['wS', 'f32'],
  ['wP', 'f32'],
  ['wG', 'f32'],
  ['languageOrTier', 'f32'],
  ['tierOnly', 'f32'],
] as const satisfies readonly (readonly [string, ValueType])[];
type ParamName = (typeof PARAMS)[number][0];

/** Where each f32 quad field comes from in the kernel's per-member reals. */
const REAL_SOURCES: Record<(typeof QUAD_REALS)[number], number> = {
  x: X,
  y: Y,
  z: Z,
  up: SIZE_UP,
  down: SIZE_DOWN,
  thematicScale: THEMATIC_SCALE,
  sharedScale: SHARED_SCALE,
  needLevelSum: NEED_LEVEL_SUM,
};

/**
 * Copies column j's fields into lane j mod 4 of record ⌊j/4⌋ (a missing last column stays zero).
 * It runs once per dataset and thread, mostly before its code is optimised, so the field offsets
 * are worked out once, outside the loop. `ints` and `reals` view the same bytes.
 */
function copyColumns(a: KernelArrays, ints: Int32Array, reals: Float32Array): void {
  const at = (field: QuadField) => QUAD_FIELDS[field] / 4;
  const countryAt = at('country');
  const languageMaskAt = at('languageMask');
  const needsAt = Int32Array.from({ length: MIN_THEME_GROUPS }, (_, g) => at(`needs${g}` as QuadField));
  const offersAt = Int32Array.from({ length: MIN_THEME_GROUPS }, (_, g) => at(`offers${g}` as QuadField));
  const realsAt = Int32Array.from(QUAD_REALS, at);
  const realSources = Int32Array.from(QUAD_REALS, (name) => REAL_SOURCES[name]);
  for (let j = 0; j < a.n; j++) {
    const lane = (j >> 2) * (QUAD_BYTES / 4) + (j & 3);
    ints[lane + countryAt] = a.ints[j * INT_STRIDE + COUNTRY];
    ints[lane + languageMaskAt] = a.ints[j * INT_STRIDE + LANGUAGE_MASK];
    const packs = j * 2 * MIN_THEME_GROUPS;
    for (let g = 0; g < MIN_THEME_GROUPS; g++) {
      ints[lane + needsAt[g]] = a.levelPacks[packs + g];
      ints[lane + offersAt[g]] = a.levelPacks[packs + MIN_THEME_GROUPS + g];
    }
    const jb = j * REAL_STRIDE;
    for (let q = 0; q < realsAt.length; q++) reals[lane + realsAt[q]] = a.real[jb + realSources[q]];
  }
}

function moduleBytes(): Uint8Array {
  const { floorsAt, listAt, sumsAt, columnsAt } = layout(GEO_BOUND.length);
  const f = new FunctionBuilder(
    PARAMS.map(([, type]) => type),
    'i32',
  );
  const p = Object.fromEntries(PARAMS.map(([name], index) => [name, f.param(index)])) as Record<ParamName, Local>;
  const j = f.local('i32'); // the quad's first column
  const quad = f.local('i32'); // the quad's record
  const bar = f.local('i32'); // the quad's bars in the floors
  const count = f.local('i32');
  const lanes = f.local('i32'); // bit l: column j + l is kept
  const vector = () => f.local('v128');

  // The row's values in every lane, once per call.
  const splat = (push: () => void, instruction: 'i32x4.splat' | 'f32x4.splat') => {
    const local = vector();
    push();
    f.op(instruction).set(local);
    return local;
  };
  const intSplat = (local: Local) => splat(() => f.get(local), 'i32x4.splat');
  const realSplat = (local: Local) => splat(() => f.get(local), 'f32x4.splat');
  const rowNeeds = [p.rn0, p.rn1, p.rn2].map(intSplat);
  const rowOffers = [p.ro0, p.ro1, p.ro2].map(intSplat);
  const [country, languageMask, from, to] = [p.country, p.languageMask, p.from, p.to].map(intSplat);
  const [xi, yi, zi, upI, downI, thematicScaleI, sharedScaleI, rowFloor] = [
    p.xi,
    p.yi,
    p.zi,
    p.upI,
    p.downI,
    p.thematicScaleI,
    p.sharedScaleI,
    p.rowFloor,
  ].map(realSplat);
  const [wT, wS, wP, wG, languageOrTier, tierOnly] = [p.wT, p.wS, p.wP, p.wG, p.languageOrTier, p.tierOnly].map(realSplat);
  const zero = splat(() => f.i32(0), 'i32x4.splat');
  const byte = splat(() => f.i32(63), 'i32x4.splat');
  const lowBits = splat(() => f.i32(FIELD_LOW_BITS), 'i32x4.splat');
  const four = splat(() => f.i32(LANES), 'i32x4.splat');
  const one = splat(() => f.f32(1), 'f32x4.splat');
  const two = splat(() => f.f32(2), 'f32x4.splat');
  const slack = splat(() => f.f32(FILTER_SLACK), 'f32x4.splat');
  const margin = splat(() => f.f32(CHORD2_MARGIN), 'f32x4.splat');
  const buckets = splat(() => f.f32(GEO_BUCKETS_PER_CHORD2), 'f32x4.splat');

  const needs = [vector(), vector(), vector()];
  const [
    columns,
    inRange,
    forRow,
    forColumn,
    commonNeeds,
    atLeast,
    upJ,
    p1,
    p2,
    population,
    d,
    chord2,
    sharedMost,
    rest,
    bx,
    by,
    geoIndex,
  ] = Array.from({ length: 17 }, vector);

  const field = (name: QuadField) => f.get(quad).load('v128', QUAD_FIELDS[name]);
  // ((a · b) >>> 24) & 63 per lane, a and b on the stack: one packed dot product.
  const dot = () => f.op('i32x4.mul').i32(24).op('i32x4.shr_u').get(byte).op('v128.and');
  // b < a ? b : a per lane, for two f32x4 pushed by `push`.
  const min = (push: () => void) => (push(), f.op('f32x4.pmin'));
  // x·x for the coordinate difference `xi − column.x`.
  const squaredDifference = (rowValue: Local, name: QuadField) => {
    f.get(rowValue);
    field(name).op('f32x4.sub').set(d).get(d).get(d).op('f32x4.mul');
  };
  // Column j + lane and its theme sums into the lists at slot `count`; count grows by the lane's bit.
  const keepLane = (lane: number) => {
    f.get(count).i32(2).op('i32.shl').get(j).i32(lane).op('i32.add').store('i32', listAt);
    f.get(count).i32(2).op('i32.shl').get(forRow).get(forColumn).i32(8).op('i32x4.shl', 'v128.or');
    f.lane('i32x4.extract_lane', lane).store('i32', sumsAt);
    f.get(count).get(lanes);
    if (lane > 0) f.i32(lane).op('i32.shr_u');
    f.i32(1).op('i32.and', 'i32.add').set(count);
  };
  // GEO_BOUND[index] of lane `lane` of geoIndex, as f32.
  const geoBound = (lane: number) => f.get(geoIndex).lane('i32x4.extract_lane', lane).i32(2).op('i32.shl').load('f32', GEO_AT);

  f.i32(0).set(count);
  f.get(p.from)
    .i32(~(LANES - 1))
    .op('i32.and')
    .set(j);
  f.get(j)
    .i32(QUAD_BYTES / LANES)
    .op('i32.mul')
    .i32(columnsAt)
    .op('i32.add')
    .set(quad);
  f.i32(floorsAt).set(bar);
  // The quad's column numbers, j + lane.
  f.get(j).op('i32x4.splat');
  for (let lane = 1; lane < LANES; lane++) f.get(j).i32(lane).op('i32.add').lane('i32x4.replace_lane', lane);
  f.set(columns);
  f.block(() =>
    f.loop(() => {
      f.get(j).get(p.to).op('i32.ge_s').brIf(1); // j >= to: done
      f.block(() => {
        // Lanes in from..to-1.
        f.get(columns).get(from).op('i32x4.ge_s').get(columns).get(to).op('i32x4.lt_s', 'v128.and').set(inRange);
        // Theme fit both ways.
        for (let g = 0; g < 3; g++) field(`needs${g}` as QuadField).set(needs[g]);
        for (let g = 0; g < 3; g++) {
          f.get(rowNeeds[g]);
          field(`offers${g}` as QuadField);
          dot();
          if (g > 0) f.op('i32x4.add');
        }
        f.set(forRow);
        for (let g = 0; g < 3; g++) {
          f.get(rowOffers[g]).get(needs[g]);
          dot();
          if (g > 0) f.op('i32x4.add');
        }
        f.set(forColumn);
        // Same country, or no theme fit either way: not kept.
        field('country').get(country).op('i32x4.ne').get(inRange).op('v128.and');
        f.get(forRow).get(forColumn).op('v128.or').get(zero).op('i32x4.ne', 'v128.and').set(inRange);
        f.get(inRange).op('v128.any_true', 'i32.eqz').brIf(0);
        for (let g = 0; g < 3; g++) {
          f.get(rowNeeds[g]);
          // (v | v >>> 1) & FIELD_LOW_BITS: the column's non-zero need levels.
          f.get(needs[g]).get(needs[g]).i32(1).op('i32x4.shr_u', 'v128.or').get(lowBits).op('v128.and');
          dot();
          if (g > 0) f.op('i32x4.add');
        }
        f.set(commonNeeds);
        // atLeast = min(rowFloor, columnFloor), the four bars read as doubles and rounded to f32.
        min(() => {
          f.get(rowFloor);
          f.get(bar).load('v128', 0).op('f32x4.demote_f64x2_zero');
          f.get(bar).load('v128', 16).op('f32x4.demote_f64x2_zero');
          f.shuffle(FIRST_HALVES);
        });
        f.set(atLeast);
        // population = upI === upJ ? 1 : min(p1, p2)
        field('up').set(upJ);
        f.get(upI);
        field('down').op('f32x4.mul').set(p1);
        f.get(upJ).get(downI).op('f32x4.mul').set(p2);
        f.get(one);
        min(() => f.get(p1).get(p2));
        f.get(upI).get(upJ).op('f32x4.eq', 'v128.bitselect').set(population);
        // chord2 = dx·dx + dy·dy + dz·dz; its bucket from chord2 − margin (0 below 0).
        squaredDifference(xi, 'x');
        squaredDifference(yi, 'y');
        f.op('f32x4.add');
        squaredDifference(zi, 'z');
        f.op('f32x4.add').set(chord2);
        f.get(chord2).get(margin).op('f32x4.sub').get(buckets).op('f32x4.mul', 'i32x4.trunc_sat_f32x4_s').set(geoIndex);
        // sharedMost = min(commonNeeds, needSumJ)
        min(() => (f.get(commonNeeds).op('f32x4.convert_i32x4_s'), field('needLevelSum')));
        f.set(sharedMost);
        // rest = wP·population + (folds meet ? languageOrTier : tierOnly) + wG·GEO_BOUND[bucket]
        f.get(wP).get(population).op('f32x4.mul');
        f.get(languageOrTier).get(tierOnly);
        field('languageMask').get(languageMask).op('v128.and').get(zero);
        f.op('i32x4.ne', 'v128.bitselect', 'f32x4.add');
        f.get(wG);
        geoBound(0).op('f32x4.splat');
        for (let lane = 1; lane < LANES; lane++) geoBound(lane).lane('f32x4.replace_lane', lane);
        f.op('f32x4.mul', 'f32x4.add').set(rest);
        // bx = wT·(forRow·thematicScaleI) + wS·(sharedMost·sharedScaleI) + rest
        f.get(wT).get(forRow).op('f32x4.convert_i32x4_s').get(thematicScaleI).op('f32x4.mul', 'f32x4.mul');
        f.get(wS).get(sharedMost).get(sharedScaleI).op('f32x4.mul', 'f32x4.mul', 'f32x4.add').get(rest).op('f32x4.add').set(bx);
        // by = wT·(forColumn·thematicScaleJ) + wS·(sharedMost·sharedScaleJ) + rest
        f.get(wT).get(forColumn).op('f32x4.convert_i32x4_s');
        field('thematicScale').op('f32x4.mul', 'f32x4.mul');
        f.get(wS).get(sharedMost);
        field('sharedScale').op('f32x4.mul', 'f32x4.mul', 'f32x4.add').get(rest).op('f32x4.add').set(by);
        // 2·(bx·by) < (atLeast − slack)·(bx + by): not kept
        f.get(inRange);
        f.get(two).get(bx).get(by).op('f32x4.mul', 'f32x4.mul');
        f.get(atLeast).get(slack).op('f32x4.sub').get(bx).get(by).op('f32x4.add', 'f32x4.mul', 'f32x4.lt');
        f.op('v128.andnot', 'i32x4.bitmask').set(lanes);
        f.get(lanes).op('i32.eqz').brIf(0);
        // Keep: list and theme sums (forRow | forColumn << 8), without a branch per lane.
        for (let lane = 0; lane < LANES; lane++) keepLane(lane);
      });
      f.get(j).i32(LANES).op('i32.add').set(j);
      f.get(columns).get(four).op('i32x4.add').set(columns);
      f.get(quad).i32(QUAD_BYTES).op('i32.add').set(quad);
      f.get(bar)
        .i32(8 * LANES)
        .op('i32.add')
        .set(bar);
      f.br(0);
    }),
  );
  f.get(count);
  return moduleOf('filter', f);
}
