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
 * (tested), without the tag checks, bounds checks and spills of the JavaScript loop.
 * Only the survivors' scores are computed, in JavaScript, by scoreColumns.
 *
 * The module is written below with a small emitter (wasm-emitter.ts): one function, `filter`,
 * over a private copy of the columns' fields in the module's memory:
 *
 *   [GEO_AT ..)      the geo bound table (f64)
 *   [FLOORS_AT ..)   the bars of the current block's columns (f64, written before each call)
 *   [LIST_AT ..)     the columns kept (i32), returned count
 *   [COLUMNS_AT ..)  per column, COLUMN_BYTES: country, language fold, the six level packs
 *                    (i32), then x, y, z, size up, size down, thematic scale, shared scale,
 *                    need level sum (f64)
 */
export const FILTER_BLOCK = 1024;
const COLUMN_BYTES = 96;
const GEO_AT = 0;

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
  const listAt = align(floorsAt + 8 * FILTER_BLOCK);
  const sumsAt = align(listAt + 4 * FILTER_BLOCK);
  const populationAt = align(sumsAt + 4 * FILTER_BLOCK);
  const chord2At = align(populationAt + 8 * FILTER_BLOCK);
  const columnsAt = align(chord2At + 8 * FILTER_BLOCK);
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
    const bytes = columnsAt + COLUMN_BYTES * a.n;
    const memory = new wasmApi!.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    const instance = new wasmApi!.Instance(module, { env: { memory } });
    this.run = instance.exports.filter as FilterFunction;
    const buffer = memory.buffer;
    new Float64Array(buffer, GEO_AT, GEO_BOUND.length).set(GEO_BOUND);
    this.floors = new Float64Array(buffer, floorsAt, FILTER_BLOCK);
    this.list = new Int32Array(buffer, listAt, FILTER_BLOCK);
    this.themeSums = new Int32Array(buffer, sumsAt, FILTER_BLOCK);
    this.population = new Float64Array(buffer, populationAt, FILTER_BLOCK);
    this.chord2 = new Float64Array(buffer, chord2At, FILTER_BLOCK);
    const ints = new Int32Array(buffer, columnsAt, (COLUMN_BYTES / 4) * a.n);
    const reals = new Float64Array(buffer, columnsAt, (COLUMN_BYTES / 8) * a.n);
    const intStride = COLUMN_BYTES / 4;
    const realStride = COLUMN_BYTES / 8;
    for (let j = 0; j < a.n; j++) {
      const q = j * intStride;
      ints[q] = a.ints[j * INT_STRIDE + COUNTRY];
      ints[q + 1] = a.ints[j * INT_STRIDE + LANGUAGE_MASK];
      for (let g = 0; g < 6; g++) ints[q + 2 + g] = a.levelPacks[j * 6 + g];
      const r = j * realStride + 4;
      const jb = j * REAL_STRIDE;
      reals[r] = a.real[jb + X];
      reals[r + 1] = a.real[jb + Y];
      reals[r + 2] = a.real[jb + Z];
      reals[r + 3] = a.real[jb + SIZE_UP];
      reals[r + 4] = a.real[jb + SIZE_DOWN];
      reals[r + 5] = a.real[jb + THEMATIC_SCALE];
      reals[r + 6] = a.real[jb + SHARED_SCALE];
      reals[r + 7] = a.real[jb + NEED_LEVEL_SUM];
    }
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
   * [start, end); row i is one of them.
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
    const lo = from > start ? from : start;
    const hi = to < end ? to : end;
    if (lo < hi) {
      floors.fill(Infinity, 0, lo - from);
      floors.set(floor.subarray(lo - start, hi - start), lo - from);
      floors.fill(Infinity, hi - from, to - from);
    } else {
      floors.fill(Infinity, 0, to - from);
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

/** The column record's fields (see the layout above): i32 by index, f64 by index after them. */
const INT_FIELDS = { country: 0, languageMask: 1, needs: 2, offers: 5 } as const;
const REAL_FIELDS = { x: 0, y: 1, z: 2, up: 3, down: 4, thematicScale: 5, sharedScale: 6, needLevelSum: 7 } as const;
const REALS_AT = 32;

function moduleBytes(): Uint8Array {
  const { floorsAt, listAt, sumsAt, populationAt, chord2At, columnsAt } = layout(GEO_BOUND.length);
  const f = new FunctionBuilder(
    PARAMS.map(([, type]) => type),
    'i32',
  );
  const p = Object.fromEntries(PARAMS.map(([name], index) => [name, f.param(index)])) as Record<ParamName, Local>;
  const j = f.local('i32');
  const column = f.local('i32'); // the column's record
  const bar = f.local('i32'); // the column's bar in the floors
  const count = f.local('i32');
  const needs = [f.local('i32'), f.local('i32'), f.local('i32')];
  const forRow = f.local('i32');
  const forColumn = f.local('i32');
  const commonNeeds = f.local('i32');
  const atLeast = f.local('f64');
  const upJ = f.local('f64');
  const p1 = f.local('f64');
  const p2 = f.local('f64');
  const population = f.local('f64');
  const d = f.local('f64');
  const chord2 = f.local('f64');
  const sharedMost = f.local('f64');
  const rest = f.local('f64');
  const bx = f.local('f64');
  const by = f.local('f64');
  const commonNeedsReal = f.local('f64');

  const columnInt = (field: number) => f.get(column).load('i32', 4 * field);
  const columnReal = (field: number) => f.get(column).load('f64', REALS_AT + 8 * field);
  // (imul(a, b) >>> 24) & 63, a and b on the stack: one packed dot product.
  const dot = () => f.op('i32.mul').i32(24).op('i32.shr_u').i32(63).op('i32.and');
  // (v | v >>> 1) & FIELD_LOW_BITS: the non-zero levels of a pack.
  const present = (v: Local) => f.get(v).get(v).i32(1).op('i32.shr_u', 'i32.or').i32(FIELD_LOW_BITS).op('i32.and');
  // a < b ? a : b for two f64 pushed by `push`, which is called twice.
  const min = (push: () => void) => (push(), push(), f.op('f64.lt', 'select'));
  // x·x for the coordinate difference `xi − column.x`.
  const squaredDifference = (rowValue: Local, field: number) => {
    f.get(rowValue);
    columnReal(field).op('f64.sub').set(d).get(d).get(d).op('f64.mul');
  };
  // The pointer to slot `count` of a list of `bytes`-wide values.
  const slot = (shift: number) => f.get(count).i32(shift).op('i32.shl');

  f.i32(0).set(count);
  f.get(p.from).set(j);
  f.get(p.from).i32(COLUMN_BYTES).op('i32.mul').i32(columnsAt).op('i32.add').set(column);
  f.i32(floorsAt).set(bar);
  f.block(() =>
    f.loop(() => {
      f.get(j).get(p.to).op('i32.ge_s').brIf(1); // j >= to: done
      f.block(() => {
        // Same country: skip.
        columnInt(INT_FIELDS.country).get(p.country).op('i32.eq').brIf(0);
        // Theme fit both ways; none: skip.
        for (let g = 0; g < 3; g++) columnInt(INT_FIELDS.needs + g).set(needs[g]);
        for (let g = 0; g < 3; g++) {
          f.get([p.rn0, p.rn1, p.rn2][g]);
          columnInt(INT_FIELDS.offers + g);
          dot();
          if (g > 0) f.op('i32.add');
        }
        f.set(forRow);
        for (let g = 0; g < 3; g++) {
          f.get([p.ro0, p.ro1, p.ro2][g]).get(needs[g]);
          dot();
          if (g > 0) f.op('i32.add');
        }
        f.set(forColumn);
        f.get(forRow).get(forColumn).op('i32.or', 'i32.eqz').brIf(0);
        for (let g = 0; g < 3; g++) {
          f.get([p.rn0, p.rn1, p.rn2][g]);
          present(needs[g]);
          dot();
          if (g > 0) f.op('i32.add');
        }
        f.set(commonNeeds);
        // atLeast = min(rowFloor, columnFloor)
        min(() => f.get(p.rowFloor).get(bar).load('f64', 0));
        f.set(atLeast);
        // population = upI === upJ ? 1 : min(p1, p2)
        columnReal(REAL_FIELDS.up).set(upJ);
        f.get(p.upI);
        columnReal(REAL_FIELDS.down).op('f64.mul').set(p1);
        f.get(upJ).get(p.downI).op('f64.mul').set(p2);
        f.f64(1);
        min(() => f.get(p1).get(p2));
        f.get(p.upI).get(upJ).op('f64.eq', 'select').set(population);
        // chord2 = dx·dx + dy·dy + dz·dz
        squaredDifference(p.xi, REAL_FIELDS.x);
        squaredDifference(p.yi, REAL_FIELDS.y);
        f.op('f64.add');
        squaredDifference(p.zi, REAL_FIELDS.z);
        f.op('f64.add').set(chord2);
        // sharedMost = min(commonNeeds, needSumJ)
        f.get(commonNeeds).op('f64.convert_i32_s').set(commonNeedsReal);
        min(() => (f.get(commonNeedsReal), columnReal(REAL_FIELDS.needLevelSum)));
        f.set(sharedMost);
        // rest = wP·population + (folds meet ? languageOrTier : tierOnly) + wG·GEO_BOUND[chord2·buckets | 0]
        f.get(p.wP).get(population).op('f64.mul');
        f.get(p.languageOrTier).get(p.tierOnly).get(p.languageMask);
        columnInt(INT_FIELDS.languageMask).op('i32.and', 'select', 'f64.add');
        f.get(p.wG).get(chord2).f64(GEO_BUCKETS_PER_CHORD2).op('f64.mul').truncSat().i32(3).op('i32.shl');
        f.load('f64', GEO_AT).op('f64.mul', 'f64.add').set(rest);
        // bx = wT·(forRow·thematicScaleI) + wS·(sharedMost·sharedScaleI) + rest
        f.get(p.wT).get(forRow).op('f64.convert_i32_s').get(p.thematicScaleI).op('f64.mul', 'f64.mul');
        f.get(p.wS).get(sharedMost).get(p.sharedScaleI).op('f64.mul', 'f64.mul', 'f64.add').get(rest).op('f64.add').set(bx);
        // by = wT·(forColumn·thematicScaleJ) + wS·(sharedMost·sharedScaleJ) + rest
        f.get(p.wT).get(forColumn).op('f64.convert_i32_s');
        columnReal(REAL_FIELDS.thematicScale).op('f64.mul', 'f64.mul');
        f.get(p.wS).get(sharedMost);
        columnReal(REAL_FIELDS.sharedScale).op('f64.mul', 'f64.mul', 'f64.add').get(rest).op('f64.add').set(by);
        // 2·(bx·by) < (atLeast − slack)·(bx + by): skip
        f.f64(2).get(bx).get(by).op('f64.mul', 'f64.mul');
        f.get(atLeast).get(p.slack).op('f64.sub').get(bx).get(by).op('f64.add', 'f64.mul', 'f64.lt').brIf(0);
        // Keep: list, theme sums (forRow | forColumn << 8), population, chord2; count++.
        slot(2).get(j).store('i32', listAt);
        slot(2).get(forRow).get(forColumn).i32(8).op('i32.shl', 'i32.or').store('i32', sumsAt);
        slot(3).get(population).store('f64', populationAt);
        slot(3).get(chord2).store('f64', chord2At);
        f.get(count).i32(1).op('i32.add').set(count);
      });
      f.get(j).i32(1).op('i32.add').set(j);
      f.get(column).i32(COLUMN_BYTES).op('i32.add').set(column);
      f.get(bar).i32(8).op('i32.add').set(bar);
      f.br(0);
    }),
  );
  f.get(count);
  return moduleOf('filter', f);
}
