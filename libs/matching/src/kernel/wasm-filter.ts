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
import type { Survivors } from './scan';

/**
 * The first pass of the scan (filterColumns in scan.ts) compiled to WebAssembly: the same
 * arithmetic in the same order, so it keeps exactly the columns that filterColumns keeps
 * (tested), without the tag checks, bounds checks and spills of the JavaScript loop.
 * Only the survivors' scores are computed, in JavaScript, by scoreColumns.
 *
 * The module is written out below as bytes (no toolchain): one function, `filter`, over a
 * private copy of the columns' fields in the module's memory:
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
  wL: number,
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

  private constructor(a: KernelArrays, geoBound: Float64Array, module: WasmModule) {
    const { floorsAt, listAt, sumsAt, populationAt, chord2At, columnsAt } = layout(geoBound.length);
    const bytes = columnsAt + COLUMN_BYTES * a.n;
    const memory = new wasmApi!.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    const instance = new wasmApi!.Instance(module, { env: { memory } });
    this.run = instance.exports.filter as FilterFunction;
    const buffer = memory.buffer;
    new Float64Array(buffer, GEO_AT, geoBound.length).set(geoBound);
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
  static create(a: KernelArrays, geoBound: Float64Array): WasmFilter | null {
    if (a.themeGroups !== MIN_THEME_GROUPS) return null;
    const module = filterModule();
    return module ? new WasmFilter(a, geoBound, module) : null;
  }

  /**
   * Row i against columns from..to-1 (at most FILTER_BLOCK): the columns that may enter
   * either list go to `list`; returns how many. `floor` holds the bars of sources
   * [start, end); row i is one of them.
   */
  filter(
    row: FilterRow,
    w: { thematic: number; shared: number; population: number; geo: number; language: number },
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
      w.language,
      slack,
    );
  }
}

// ---------------------------------------------------------------------------------------
// The module's bytes.

const I32 = 0x7f;
const F64 = 0x7c;

// Parameters, in the order of FilterFunction.
const P_FROM = 0;
const P_TO = 1;
const P_COUNTRY = 2;
const P_LANG = 3;
const P_RN0 = 4;
const P_RO0 = 7;
const P_XI = 10;
const P_YI = 11;
const P_ZI = 12;
const P_UP = 13;
const P_DOWN = 14;
const P_TS = 15;
const P_SS = 16;
const P_ROW_FLOOR = 17;
const P_WT = 18;
const P_WS = 19;
const P_WP = 20;
const P_WG = 21;
const P_WL = 22;
const P_SLACK = 23;
const PARAMS = [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64];
// Locals after the parameters.
const L_J = 24; // i32
const L_P = 25; // i32: the column's record
const L_F = 26; // i32: the column's bar
const L_COUNT = 27; // i32
const L_N0 = 28; // i32 × 3
const L_FR = 31; // i32
const L_FC = 32; // i32
const L_CN = 33; // i32
const I32_LOCALS = 10;
const L_AT_LEAST = 34; // f64
const L_UPJ = 35;
const L_P1 = 36;
const L_P2 = 37;
const L_POP = 38;
const L_D = 39;
const L_CHORD2 = 40;
const L_SM = 41;
const L_REST = 42;
const L_BX = 43;
const L_BY = 44;
const L_CNF = 45;
const F64_LOCALS = 12;

function moduleBytes(): Uint8Array {
  const geoEntries = 4 * 1024 + 2;
  const { floorsAt, listAt, sumsAt, populationAt, chord2At, columnsAt } = layout(geoEntries);
  const c: number[] = [];
  const op = (...bytes: number[]): void => void c.push(...bytes);
  const get = (l: number): void => op(0x20, ...uleb(l));
  const set = (l: number): void => op(0x21, ...uleb(l));
  const i32 = (v: number): void => op(0x41, ...sleb(v));
  const f64 = (v: number): void => op(0x44, ...f64Bytes(v));
  const loadI32 = (offset: number): void => op(0x28, 2, ...uleb(offset));
  const loadF64 = (offset: number): void => op(0x2b, 3, ...uleb(offset));
  const column32 = (field: number): void => (get(L_P), loadI32(4 * field));
  const column64 = (field: number): void => (get(L_P), loadF64(32 + 8 * field));
  const ADD = 0x6a,
    MUL = 0x6c,
    AND = 0x71,
    OR = 0x72,
    SHRU = 0x76,
    SUB = 0x6b;
  const FADD = 0xa0,
    FSUB = 0xa1,
    FMUL = 0xa2,
    FLT = 0x63,
    FEQ = 0x61;
  // (imul(a, b) >>> 24) & 63, a and b already on the stack.
  const middle = (): void => (op(MUL), i32(24), op(SHRU), i32(63), op(AND));
  const nonZero = (l: number): void => (get(l), get(l), i32(1), op(SHRU), op(OR), i32(FIELD_LOW_BITS), op(AND));

  // count = 0; j = from; p = columnsAt + from·COLUMN_BYTES; f = floorsAt
  (i32(0), set(L_COUNT));
  (get(P_FROM), set(L_J));
  (get(P_FROM), i32(COLUMN_BYTES), op(MUL), i32(columnsAt), op(ADD), set(L_P));
  (i32(floorsAt), set(L_F));
  op(0x02, 0x40); // block $exit
  op(0x03, 0x40); // loop $next
  (get(L_J), get(P_TO), op(0x4e), op(0x0d, 1)); // br_if $exit (j >= to)
  op(0x02, 0x40); // block $skip
  // Same country.
  (column32(0), get(P_COUNTRY), op(0x46), op(0x0d, 0));
  // Theme fit both ways.
  for (let g = 0; g < 3; g++) (column32(2 + g), set(L_N0 + g));
  (get(P_RN0), column32(5), middle());
  (get(P_RN0 + 1), column32(6), middle(), op(ADD));
  (get(P_RN0 + 2), column32(7), middle(), op(ADD), set(L_FR));
  for (let g = 0; g < 3; g++) {
    (get(P_RO0 + g), get(L_N0 + g), middle());
    if (g > 0) op(ADD);
  }
  set(L_FC);
  (get(L_FR), get(L_FC), op(OR), op(0x45), op(0x0d, 0)); // both 0: br_if $skip
  for (let g = 0; g < 3; g++) {
    (get(P_RN0 + g), nonZero(L_N0 + g), middle());
    if (g > 0) op(ADD);
  }
  set(L_CN);
  // atLeast = rowFloor < columnFloor ? rowFloor : columnFloor
  (get(P_ROW_FLOOR), get(L_F), loadF64(0), get(P_ROW_FLOOR), get(L_F), loadF64(0), op(FLT), op(0x1b), set(L_AT_LEAST));
  // population = upI === upJ ? 1 : p1 < p2 ? p1 : p2
  (column64(3), set(L_UPJ));
  (get(P_UP), column64(4), op(FMUL), set(L_P1));
  (get(L_UPJ), get(P_DOWN), op(FMUL), set(L_P2));
  (f64(1), get(L_P1), get(L_P2), get(L_P1), get(L_P2), op(FLT), op(0x1b), get(P_UP), get(L_UPJ), op(FEQ), op(0x1b), set(L_POP));
  // chord2 = dx·dx + dy·dy + dz·dz
  (get(P_XI), column64(0), op(FSUB), set(L_D), get(L_D), get(L_D), op(FMUL));
  (get(P_YI), column64(1), op(FSUB), set(L_D), get(L_D), get(L_D), op(FMUL), op(FADD));
  (get(P_ZI), column64(2), op(FSUB), set(L_D), get(L_D), get(L_D), op(FMUL), op(FADD), set(L_CHORD2));
  // sharedMost = commonNeeds < needSumJ ? commonNeeds : needSumJ
  (get(L_CN), op(0xb7), set(L_CNF));
  (get(L_CNF), column64(7), get(L_CNF), column64(7), op(FLT), op(0x1b), set(L_SM));
  // rest = wP·population + (folds meet ? wL : 0) + wG·GEO_BOUND[chord2·1024 | 0]
  (get(P_WP), get(L_POP), op(FMUL));
  (get(P_WL), f64(0), get(P_LANG), column32(1), op(AND), op(0x1b), op(FADD));
  (get(P_WG), get(L_CHORD2), f64(1024), op(FMUL), op(0xfc, 0x02), i32(3), op(0x74), loadF64(GEO_AT), op(FMUL), op(FADD), set(L_REST));
  // bx = wT·(forRow·thematicScaleI) + wS·(sharedMost·sharedScaleI) + rest
  (get(P_WT), get(L_FR), op(0xb7), get(P_TS), op(FMUL), op(FMUL));
  (get(P_WS), get(L_SM), get(P_SS), op(FMUL), op(FMUL), op(FADD), get(L_REST), op(FADD), set(L_BX));
  // by = wT·(forColumn·thematicScaleJ) + wS·(sharedMost·sharedScaleJ) + rest
  (get(P_WT), get(L_FC), op(0xb7), column64(5), op(FMUL), op(FMUL));
  (get(P_WS), get(L_SM), column64(6), op(FMUL), op(FMUL), op(FADD), get(L_REST), op(FADD), set(L_BY));
  // 2·(bx·by) < (atLeast − slack)·(bx + by): br_if $skip
  (f64(2), get(L_BX), get(L_BY), op(FMUL), op(FMUL));
  (get(L_AT_LEAST), get(P_SLACK), op(FSUB), get(L_BX), get(L_BY), op(FADD), op(FMUL), op(FLT), op(0x0d, 0));
  // list[count] = j; themeSums[count] = forRow | forColumn << 8; population, chord2; count++
  (get(L_COUNT), i32(2), op(0x74), get(L_J), op(0x36, 2, ...uleb(listAt)));
  (get(L_COUNT), i32(2), op(0x74), get(L_FR), get(L_FC), i32(8), op(0x74), op(OR), op(0x36, 2, ...uleb(sumsAt)));
  (get(L_COUNT), i32(3), op(0x74), get(L_POP), op(0x39, 3, ...uleb(populationAt)));
  (get(L_COUNT), i32(3), op(0x74), get(L_CHORD2), op(0x39, 3, ...uleb(chord2At)));
  (get(L_COUNT), i32(1), op(ADD), set(L_COUNT));
  op(0x0b); // end $skip
  (get(L_J), i32(1), op(ADD), set(L_J));
  (get(L_P), i32(COLUMN_BYTES), op(ADD), set(L_P));
  (get(L_F), i32(8), op(ADD), set(L_F));
  op(0x0c, 0); // br $next
  op(0x0b); // end loop
  op(0x0b); // end block
  get(L_COUNT);
  op(0x0b); // end function
  void SUB;

  const body = [...uleb(2), ...uleb(I32_LOCALS), I32, ...uleb(F64_LOCALS), F64, ...c];
  const type = [0x60, ...uleb(PARAMS.length), ...PARAMS, 1, I32];
  const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, ...type]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('filter'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function f64Bytes(value: number): number[] {
  return Array.from(new Uint8Array(new Float64Array([value]).buffer));
}
