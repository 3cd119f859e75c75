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
 * The first pass of the scan (filterColumns in scan.ts) compiled to WebAssembly: the same
 * arithmetic in the same order, so it keeps exactly the columns that filterColumns keeps
 * (tested), without the tag checks, bounds checks and spills of the JavaScript loop, and two
 * columns at a time in 128-bit vectors (each lane computes what filterColumns computes for
 * its column). Only the survivors' scores are computed, in JavaScript, by scoreSurvivors.
 *
 * The module is written below with a small emitter (wasm-emitter.ts): one function, `filter`,
 * over a private copy of the columns' fields in the module's memory:
 *
 *   [GEO_AT ..)      the geo bound table (f64)
 *   [FLOORS_AT ..)   the bars of the current block's columns (f64, written before each call),
 *                    from the even column at or before its first
 *   [LIST_AT ..)     the columns kept (i32), returned count, and their values
 *   [COLUMNS_AT ..)  columns 2q and 2q+1 side by side in record q, PAIR_BYTES each: every
 *                    field twice, so that one load fills a vector (see PAIR_FIELDS)
 */
export const FILTER_BLOCK = 1024;
/** Room in the per-block lists for a block that starts and ends on an odd column. */
const BLOCK_SLOTS = FILTER_BLOCK + 2;
const GEO_AT = 0;

/** A column pair's fields: i32 pairs (8 bytes each), then f64 pairs (16 bytes each). */
const PAIR_INTS = ['country', 'languageMask', 'needs0', 'needs1', 'needs2', 'offers0', 'offers1', 'offers2'] as const;
const PAIR_REALS = ['x', 'y', 'z', 'up', 'down', 'thematicScale', 'sharedScale', 'needLevelSum'] as const;
type PairField = (typeof PAIR_INTS)[number] | (typeof PAIR_REALS)[number];
const PAIR_FIELDS = Object.fromEntries([
  ...PAIR_INTS.map((name, q) => [name, 8 * q]),
  ...PAIR_REALS.map((name, q) => [name, 8 * PAIR_INTS.length + 16 * q]),
]) as Record<PairField, number>;
const PAIR_BYTES = 8 * PAIR_INTS.length + 16 * PAIR_REALS.length;

interface FilterLayout {
  floorsAt: number;
  listAt: number;
  sumsAt: number;
  populationAt: number;
  chord2At: number;
  columnsAt: number;
}

function layout(geoEntries: number): FilterLayout {
  const floorsAt = align(GEO_AT + 8 * geoEntries);
  const listAt = align(floorsAt + 8 * BLOCK_SLOTS);
  const sumsAt = align(listAt + 4 * BLOCK_SLOTS);
  const populationAt = align(sumsAt + 4 * BLOCK_SLOTS);
  const chord2At = align(populationAt + 8 * BLOCK_SLOTS);
  const columnsAt = align(chord2At + 8 * BLOCK_SLOTS);
  return { floorsAt, listAt, sumsAt, populationAt, chord2At, columnsAt };
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
  slack: number,
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
  /** The columns kept by the last call, in list[0 .. count-1], and their values (see Survivors). */
  readonly list: Int32Array;
  readonly themeSums: Int32Array;
  readonly population: Float64Array;
  readonly chord2: Float64Array;
  private readonly floors: Float64Array;
  private readonly run: FilterFunction;

  private constructor(a: KernelArrays, module: WasmModule) {
    const { floorsAt, listAt, sumsAt, populationAt, chord2At, columnsAt } = layout(GEO_BOUND.length);
    const bytes = columnsAt + PAIR_BYTES * Math.ceil(a.n / 2);
    const memory = new wasmApi!.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    const instance = new wasmApi!.Instance(module, { env: { memory } });
    this.run = instance.exports.filter as FilterFunction;
    const buffer = memory.buffer;
    new Float64Array(buffer, GEO_AT, GEO_BOUND.length).set(GEO_BOUND);
    this.floors = new Float64Array(buffer, floorsAt, BLOCK_SLOTS);
    this.list = new Int32Array(buffer, listAt, BLOCK_SLOTS);
    this.themeSums = new Int32Array(buffer, sumsAt, BLOCK_SLOTS);
    this.population = new Float64Array(buffer, populationAt, BLOCK_SLOTS);
    this.chord2 = new Float64Array(buffer, chord2At, BLOCK_SLOTS);
    copyColumns(a, new Int32Array(buffer, columnsAt), new Float64Array(buffer, columnsAt));
  }

  /** A filter for the dataset, or null when it does not apply (more than 15 themes, or no WebAssembly). */
  static create(a: KernelArrays): WasmFilter | null {
    if (a.themeGroups !== MIN_THEME_GROUPS) return null;
    const module = filterModule();
    return module ? new WasmFilter(a, module) : null;
  }

  /**
   * Row i against columns from..to-1 (at most FILTER_BLOCK): the columns that may enter
   * either list go to `list`; returns how many. `floor` holds the bars of sources
   * [start, end); row i is one of them. The module reads the bars from the even column at
   * or before `from`, a pair at a time.
   */
  filter(
    row: FilterRow,
    w: Weights,
    floor: Float64Array,
    start: number,
    end: number,
    i: number,
    from: number,
    to: number,
    slack: number,
  ): number {
    const floors = this.floors;
    const first = from & ~1;
    const lo = from > start ? from : start;
    const hi = to < end ? to : end;
    if (lo < hi) {
      floors.fill(Infinity, 0, lo - first);
      floors.set(floor.subarray(lo - start, hi - start), lo - first);
      floors.fill(Infinity, hi - first, to - first + 1);
    } else {
      floors.fill(Infinity, 0, to - first + 1);
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
      slack,
    );
  }
}

// ---------------------------------------------------------------------------------------
// The module, written with the emitter: the arithmetic and order of filterColumns.

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
  ['xi', 'f64'],
  ['yi', 'f64'],
  ['zi', 'f64'],
  ['upI', 'f64'],
  ['downI', 'f64'],
  ['thematicScaleI', 'f64'],
  ['sharedScaleI', 'f64'],
  ['rowFloor', 'f64'],
  ['wT', 'f64'],
  ['wS', 'f64'],
  ['wP', 'f64'],
  ['wG', 'f64'],
  ['languageOrTier', 'f64'],
  ['tierOnly', 'f64'],
  ['slack', 'f64'],
] as const satisfies readonly (readonly [string, ValueType])[];
type ParamName = (typeof PARAMS)[number][0];

/** Columns 2q and 2q+1 into record q (see PAIR_FIELDS); a missing last column stays zero. */
/** Where each f64 pair field comes from in the kernel's per-member reals. */
const REAL_SOURCES: Record<(typeof PAIR_REALS)[number], number> = {
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
 * Copies every column's fields into its pair record. It runs once per dataset and thread, mostly
 * before its code is optimised, so the field offsets are worked out once, outside the loop.
 */
function copyColumns(a: KernelArrays, ints: Int32Array, reals: Float64Array): void {
  const countryAt = PAIR_FIELDS.country / 4;
  const languageMaskAt = PAIR_FIELDS.languageMask / 4;
  const needsAt = Int32Array.from({ length: MIN_THEME_GROUPS }, (_, g) => PAIR_FIELDS[`needs${g}` as PairField] / 4);
  const offersAt = Int32Array.from({ length: MIN_THEME_GROUPS }, (_, g) => PAIR_FIELDS[`offers${g}` as PairField] / 4);
  const realsAt = Int32Array.from(PAIR_REALS, (name) => PAIR_FIELDS[name] / 8);
  const realSources = Int32Array.from(PAIR_REALS, (name) => REAL_SOURCES[name]);
  for (let j = 0; j < a.n; j++) {
    const intAt = (j >> 1) * (PAIR_BYTES / 4) + (j & 1);
    const realAt = (j >> 1) * (PAIR_BYTES / 8) + (j & 1);
    ints[intAt + countryAt] = a.ints[j * INT_STRIDE + COUNTRY];
    ints[intAt + languageMaskAt] = a.ints[j * INT_STRIDE + LANGUAGE_MASK];
    const packs = j * 2 * MIN_THEME_GROUPS;
    for (let g = 0; g < MIN_THEME_GROUPS; g++) {
      ints[intAt + needsAt[g]] = a.levelPacks[packs + g];
      ints[intAt + offersAt[g]] = a.levelPacks[packs + MIN_THEME_GROUPS + g];
    }
    const jb = j * REAL_STRIDE;
    for (let q = 0; q < realsAt.length; q++) reals[realAt + realsAt[q]] = a.real[jb + realSources[q]];
  }
}

function moduleBytes(): Uint8Array {
  const { floorsAt, listAt, sumsAt, populationAt, chord2At, columnsAt } = layout(GEO_BOUND.length);
  const f = new FunctionBuilder(
    PARAMS.map(([, type]) => type),
    'i32',
  );
  const p = Object.fromEntries(PARAMS.map(([name], index) => [name, f.param(index)])) as Record<ParamName, Local>;
  const j = f.local('i32'); // the pair's first (even) column
  const pair = f.local('i32'); // the pair's record
  const bar = f.local('i32'); // the pair's bars in the floors
  const count = f.local('i32');
  const lanes = f.local('i32'); // bit 0: column j is kept so far, bit 1: column j+1
  const vector = () => f.local('v128');

  // The row's values in both lanes, once per call.
  const splat = (push: () => void, instruction: 'i32x4.splat' | 'f64x2.splat') => {
    const local = vector();
    push();
    f.op(instruction).set(local);
    return local;
  };
  const intSplat = (local: Local) => splat(() => f.get(local), 'i32x4.splat');
  const realSplat = (local: Local) => splat(() => f.get(local), 'f64x2.splat');
  const rowNeeds = [p.rn0, p.rn1, p.rn2].map(intSplat);
  const rowOffers = [p.ro0, p.ro1, p.ro2].map(intSplat);
  const country = intSplat(p.country);
  const languageMask = intSplat(p.languageMask);
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
  const [wT, wS, wP, wG, languageOrTier, tierOnly, slack] = [p.wT, p.wS, p.wP, p.wG, p.languageOrTier, p.tierOnly, p.slack].map(realSplat);
  const zero = splat(() => f.i32(0), 'i32x4.splat');
  const byte = splat(() => f.i32(63), 'i32x4.splat');
  const lowBits = splat(() => f.i32(FIELD_LOW_BITS), 'i32x4.splat');
  const one = splat(() => f.f64(1), 'f64x2.splat');
  const two = splat(() => f.f64(2), 'f64x2.splat');
  const buckets = splat(() => f.f64(GEO_BUCKETS_PER_CHORD2), 'f64x2.splat');

  const needs = [vector(), vector(), vector()];
  const [forRow, forColumn, commonNeeds, atLeast, upJ, p1, p2, population, d, chord2, sharedMost, rest, bx, by, geoIndex] = Array.from(
    { length: 15 },
    vector,
  );

  const ints = (field: PairField) => f.get(pair).load('splat64', PAIR_FIELDS[field]);
  const reals = (field: PairField) => f.get(pair).load('v128', PAIR_FIELDS[field]);
  // ((a · b) >>> 24) & 63 per lane, a and b on the stack: one packed dot product.
  const dot = () => f.op('i32x4.mul').i32(24).op('i32x4.shr_u').get(byte).op('v128.and');
  // a < b ? a : b per lane, for two f64x2 pushed by `push`, which is called twice.
  const min = (push: () => void) => (push(), push(), f.op('f64x2.lt', 'v128.bitselect'));
  // x·x for the coordinate difference `xi − column.x`.
  const squaredDifference = (rowValue: Local, field: PairField) => {
    f.get(rowValue);
    reals(field).op('f64x2.sub').set(d).get(d).get(d).op('f64x2.mul');
  };
  // Column j + lane's values into the lists at slot `count`; count grows by the lane's bit.
  const keepLane = (lane: 0 | 1) => {
    f.get(count).i32(2).op('i32.shl').get(j).i32(lane).op('i32.add').store('i32', listAt);
    f.get(count).i32(2).op('i32.shl').get(forRow).get(forColumn).i32(8).op('i32x4.shl', 'v128.or');
    f.lane('i32x4.extract_lane', lane).store('i32', sumsAt);
    f.get(count).i32(3).op('i32.shl').get(population).lane('f64x2.extract_lane', lane).store('f64', populationAt);
    f.get(count).i32(3).op('i32.shl').get(chord2).lane('f64x2.extract_lane', lane).store('f64', chord2At);
    f.get(count).get(lanes);
    if (lane === 1) f.i32(1).op('i32.shr_u');
    f.i32(1).op('i32.and', 'i32.add').set(count);
  };

  f.i32(0).set(count);
  f.get(p.from).i32(~1).op('i32.and').set(j);
  f.get(j)
    .i32(PAIR_BYTES / 2)
    .op('i32.mul')
    .i32(columnsAt)
    .op('i32.add')
    .set(pair);
  f.i32(floorsAt).set(bar);
  f.block(() =>
    f.loop(() => {
      f.get(j).get(p.to).op('i32.ge_s').brIf(1); // j >= to: done
      f.block(() => {
        // Lanes in from..to-1.
        f.get(j).get(p.from).op('i32.ge_s');
        f.get(j).i32(1).op('i32.add').get(p.to).op('i32.lt_s').i32(1).op('i32.shl', 'i32.or');
        // Theme fit both ways.
        for (let g = 0; g < 3; g++) ints(`needs${g}` as PairField).set(needs[g]);
        for (let g = 0; g < 3; g++) {
          f.get(rowNeeds[g]);
          ints(`offers${g}` as PairField);
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
        ints('country').get(country).op('i32x4.ne');
        f.get(forRow).get(forColumn).op('v128.or').get(zero).op('i32x4.ne', 'v128.and', 'i32x4.bitmask');
        f.op('i32.and').set(lanes);
        f.get(lanes).op('i32.eqz').brIf(0);
        for (let g = 0; g < 3; g++) {
          f.get(rowNeeds[g]);
          // (v | v >>> 1) & FIELD_LOW_BITS: the column's non-zero need levels.
          f.get(needs[g]).get(needs[g]).i32(1).op('i32x4.shr_u', 'v128.or').get(lowBits).op('v128.and');
          dot();
          if (g > 0) f.op('i32x4.add');
        }
        f.set(commonNeeds);
        // atLeast = min(rowFloor, columnFloor)
        min(() => f.get(rowFloor).get(bar).load('v128', 0));
        f.set(atLeast);
        // population = upI === upJ ? 1 : min(p1, p2)
        reals('up').set(upJ);
        f.get(upI);
        reals('down').op('f64x2.mul').set(p1);
        f.get(upJ).get(downI).op('f64x2.mul').set(p2);
        f.get(one);
        min(() => f.get(p1).get(p2));
        f.get(upI).get(upJ).op('f64x2.eq', 'v128.bitselect').set(population);
        // chord2 = dx·dx + dy·dy + dz·dz
        squaredDifference(xi, 'x');
        squaredDifference(yi, 'y');
        f.op('f64x2.add');
        squaredDifference(zi, 'z');
        f.op('f64x2.add').set(chord2);
        // sharedMost = min(commonNeeds, needSumJ)
        min(() => (f.get(commonNeeds).op('f64x2.convert_low_i32x4_s'), reals('needLevelSum')));
        f.set(sharedMost);
        // rest = wP·population + (folds meet ? languageOrTier : tierOnly) + wG·GEO_BOUND[chord2·buckets | 0]
        f.get(chord2).get(buckets).op('f64x2.mul', 'i32x4.trunc_sat_f64x2_s_zero').set(geoIndex);
        f.get(wP).get(population).op('f64x2.mul');
        f.get(languageOrTier).get(tierOnly);
        ints('languageMask').get(languageMask).op('v128.and').get(zero);
        f.op('i32x4.ne', 'i64x2.extend_low_i32x4_s', 'v128.bitselect', 'f64x2.add');
        f.get(wG);
        f.get(geoIndex).lane('i32x4.extract_lane', 0).i32(3).op('i32.shl').load('f64', GEO_AT).op('f64x2.splat');
        f.get(geoIndex).lane('i32x4.extract_lane', 1).i32(3).op('i32.shl').load('f64', GEO_AT).lane('f64x2.replace_lane', 1);
        f.op('f64x2.mul', 'f64x2.add').set(rest);
        // bx = wT·(forRow·thematicScaleI) + wS·(sharedMost·sharedScaleI) + rest
        f.get(wT).get(forRow).op('f64x2.convert_low_i32x4_s').get(thematicScaleI).op('f64x2.mul', 'f64x2.mul');
        f.get(wS).get(sharedMost).get(sharedScaleI).op('f64x2.mul', 'f64x2.mul', 'f64x2.add').get(rest).op('f64x2.add').set(bx);
        // by = wT·(forColumn·thematicScaleJ) + wS·(sharedMost·sharedScaleJ) + rest
        f.get(wT).get(forColumn).op('f64x2.convert_low_i32x4_s');
        reals('thematicScale').op('f64x2.mul', 'f64x2.mul');
        f.get(wS).get(sharedMost);
        reals('sharedScale').op('f64x2.mul', 'f64x2.mul', 'f64x2.add').get(rest).op('f64x2.add').set(by);
        // 2·(bx·by) < (atLeast − slack)·(bx + by): not kept
        f.get(two).get(bx).get(by).op('f64x2.mul', 'f64x2.mul');
        f.get(atLeast).get(slack).op('f64x2.sub').get(bx).get(by).op('f64x2.add', 'f64x2.mul', 'f64x2.lt', 'v128.not');
        f.op('i64x2.bitmask').get(lanes).op('i32.and').set(lanes);
        f.get(lanes).op('i32.eqz').brIf(0);
        // Keep: list, theme sums (forRow | forColumn << 8), population, chord2, without a branch per lane.
        keepLane(0);
        keepLane(1);
      });
      f.get(j).i32(2).op('i32.add').set(j);
      f.get(pair).i32(PAIR_BYTES).op('i32.add').set(pair);
      f.get(bar).i32(16).op('i32.add').set(bar);
      f.br(0);
    }),
  );
  f.get(count);
  return moduleOf('filter', f);
}
