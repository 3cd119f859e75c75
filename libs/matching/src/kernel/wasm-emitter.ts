/**
 * A small typed emitter of WebAssembly: one exported function over an imported memory
 * (`env.memory`), written instruction by instruction with the names of the WebAssembly text
 * format ('f32x4.mul', 'i32x4.splat', 'local.get'), locals allocated by name. The encoding
 * follows the WebAssembly core specification, chapter 5 (binary format), with its 128-bit
 * vector instructions (5.4.8).
 */
export type ValueType = 'i32' | 'f32' | 'v128';

const TYPE_CODE: Record<ValueType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

/** Instructions without immediates, by their text-format names. */
const OPCODE = {
  'i32.eqz': 0x45,
  'i32.ge_s': 0x4e,
  'i32.add': 0x6a,
  'i32.mul': 0x6c,
  'i32.and': 0x71,
  'i32.shl': 0x74,
  'i32.shr_u': 0x76,
} as const;

/** Vector instructions without immediates: the prefix 0xfd, then their number. */
const VECTOR_PREFIX = 0xfd;
const VECTOR_OPCODE = {
  'i32x4.splat': 0x11,
  'f32x4.splat': 0x13,
  'i32x4.ne': 0x38,
  'i32x4.lt_s': 0x39,
  'i32x4.ge_s': 0x3f,
  'f32x4.eq': 0x41,
  'f32x4.lt': 0x43,
  'v128.and': 0x4e,
  'v128.andnot': 0x4f,
  'v128.or': 0x50,
  'v128.bitselect': 0x52,
  'v128.any_true': 0x53,
  'f32x4.demote_f64x2_zero': 0x5e,
  'i32x4.bitmask': 0xa4,
  'i32x4.shl': 0xab,
  'i32x4.shr_u': 0xad,
  'i32x4.add': 0xae,
  'i32x4.mul': 0xb5,
  'f32x4.add': 0xe4,
  'f32x4.sub': 0xe5,
  'f32x4.mul': 0xe6,
  'f32x4.pmin': 0xea,
  'i32x4.trunc_sat_f32x4_s': 0xf8,
  'f32x4.convert_i32x4_s': 0xfa,
} as const;
/** Vector instructions with a lane index. */
const LANE_OPCODE = {
  'i32x4.extract_lane': 0x1b,
  'i32x4.replace_lane': 0x1c,
  'f32x4.replace_lane': 0x20,
} as const;
/** i8x16.shuffle, whose immediate is 16 byte lane numbers (0-31) into the two vectors. */
const SHUFFLE = 0x0d;
/** v128.load. */
const VECTOR_LOAD = 0x00;

export type Instruction = keyof typeof OPCODE | keyof typeof VECTOR_OPCODE;
export type LaneInstruction = keyof typeof LANE_OPCODE;

/** Control and variable instructions, which take immediates. */
const BLOCK = 0x02;
const LOOP = 0x03;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const EMPTY_BLOCK_TYPE = 0x40;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOAD = { i32: 0x28, f32: 0x2a } as const;
const STORE = { i32: 0x36 } as const;
const CONST = { i32: 0x41, f32: 0x43 } as const;
/** log2 of each type's natural alignment, the memory argument's first field. */
const ALIGN = { i32: 2, f32: 2, v128: 4 } as const;

export interface Local {
  readonly index: number;
  readonly type: ValueType;
}

/** The body of one function; parameters first, then locals as they are asked for. */
export class FunctionBuilder {
  private readonly code: number[] = [];
  private readonly localTypes: ValueType[] = [];

  constructor(
    readonly paramTypes: readonly ValueType[],
    readonly resultType: ValueType,
  ) {}

  param(index: number): Local {
    return { index, type: this.paramTypes[index] };
  }

  local(type: ValueType): Local {
    this.localTypes.push(type);
    return { index: this.paramTypes.length + this.localTypes.length - 1, type };
  }

  get(local: Local): this {
    return this.emit(LOCAL_GET, ...uleb(local.index));
  }

  set(local: Local): this {
    return this.emit(LOCAL_SET, ...uleb(local.index));
  }

  i32(value: number): this {
    return this.emit(CONST.i32, ...sleb(value));
  }

  f32(value: number): this {
    return this.emit(CONST.f32, ...new Uint8Array(Float32Array.of(value).buffer));
  }

  op(...instructions: Instruction[]): this {
    for (const name of instructions) {
      if (name in OPCODE) this.emit(OPCODE[name as keyof typeof OPCODE]);
      else this.emit(VECTOR_PREFIX, ...uleb(VECTOR_OPCODE[name as keyof typeof VECTOR_OPCODE]));
    }
    return this;
  }

  /** A vector instruction on lane `lane`. */
  lane(instruction: LaneInstruction, lane: number): this {
    return this.emit(VECTOR_PREFIX, ...uleb(LANE_OPCODE[instruction]), lane);
  }

  /** i8x16.shuffle: byte b of the result is byte lanes[b] of the two vectors on the stack (0-15 the first). */
  shuffle(lanes: readonly number[]): this {
    if (lanes.length !== 16 || lanes.some((lane) => !Number.isInteger(lane) || lane < 0 || lane > 31)) {
      throw new RangeError('a shuffle takes 16 byte lane numbers from 0 to 31');
    }
    return this.emit(VECTOR_PREFIX, SHUFFLE, ...lanes);
  }

  /** Loads a value of `type` from the address on the stack plus `offset`. */
  load(type: ValueType, offset: number): this {
    if (type === 'v128') return this.emit(VECTOR_PREFIX, VECTOR_LOAD, ALIGN[type], ...uleb(offset));
    return this.emit(LOAD[type], ALIGN[type], ...uleb(offset));
  }

  /** Stores the value on the stack at the address below it plus `offset`. */
  store(type: 'i32', offset: number): this {
    return this.emit(STORE[type], ALIGN[type], ...uleb(offset));
  }

  /** A block: `br`/`brIf` with depth 0 inside it jump to its end. */
  block(body: () => void): this {
    this.emit(BLOCK, EMPTY_BLOCK_TYPE);
    body();
    return this.emit(END);
  }

  /** A loop: `br`/`brIf` with depth 0 inside it jump back to its start. */
  loop(body: () => void): this {
    this.emit(LOOP, EMPTY_BLOCK_TYPE);
    body();
    return this.emit(END);
  }

  br(depth: number): this {
    return this.emit(BR, ...uleb(depth));
  }

  brIf(depth: number): this {
    return this.emit(BR_IF, ...uleb(depth));
  }

  /** The function's code entry: locals in runs of one type, the instructions, end. */
  body(): number[] {
    const runs: [number, ValueType][] = [];
    for (const type of this.localTypes) {
      const last = runs[runs.length - 1];
      if (last && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    const locals = runs.flatMap(([count, type]) => [...uleb(count), TYPE_CODE[type]]);
    return [...uleb(runs.length), ...locals, ...this.code, END];
  }

  private emit(...bytes: number[]): this {
    for (const byte of bytes) this.code.push(byte);
    return this;
  }
}

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;
const FUNCTION_TYPE = 0x60;
const IMPORT_MEMORY = 0x02;
const EXPORT_FUNCTION = 0x00;
/** Limits with a minimum only, of one page; the instance is given a larger memory. */
const ONE_PAGE_AT_LEAST = [0x00, 0x01];

/** A module that imports `env.memory` and exports `f` as `name`. */
export function moduleOf(name: string, f: FunctionBuilder): Uint8Array {
  const type = [FUNCTION_TYPE, ...vector(f.paramTypes.map((t) => TYPE_CODE[t])), ...vector([TYPE_CODE[f.resultType]])];
  const body = f.body();
  return Uint8Array.from([
    ...MAGIC_AND_VERSION,
    ...section(SECTION.type, vector(type, 1)),
    ...section(SECTION.import, [1, ...text('env'), ...text('memory'), IMPORT_MEMORY, ...ONE_PAGE_AT_LEAST]),
    ...section(SECTION.function, [1, 0]),
    ...section(SECTION.export, [1, ...text(name), EXPORT_FUNCTION, 0]),
    ...section(SECTION.code, [1, ...uleb(body.length), ...body]),
  ]);
}

/** A vector of `count` items already encoded in `bytes` (by default, one byte each). */
function vector(bytes: number[], count = bytes.length): number[] {
  return [...uleb(count), ...bytes];
}

function text(s: string): number[] {
  return vector(Array.from(s, (ch) => ch.charCodeAt(0)));
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
