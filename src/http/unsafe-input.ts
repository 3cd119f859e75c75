import type { FieldError } from './field-errors';

/** No field of CityMatch nests deeper than a few levels; this leaves room and stops stack-deep bodies early. */
export const MAX_INPUT_DEPTH = 32;

/** PostgreSQL text cannot hold it, and it never belongs in a name, id or filter. */
const NUL = '\u0000';
/** Fields are named down to this many levels; below it a path of `[0][0]…` would say nothing more. */
const NAMED_DEPTH = 3;
/** With the `u` flag a surrogate only matches when it is not half of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;
/** Values looked at before a large body (an import) lets other requests run. */
const VALUES_PER_SLICE = 50_000;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The first value no field can hold: a NUL byte, a lone surrogate (it would be stored as U+FFFD and
 * so differ from what was echoed), or nesting deeper than MAX_INPUT_DEPTH. Walks without recursion,
 * so a body nested 10,000 deep is refused instead of overflowing the stack; a small input is answered
 * at once, a large one in slices between which other requests run.
 */
export function findUnsafeInput(value: unknown, root: string): FieldError | undefined | Promise<FieldError | undefined> {
  const walk = new InputWalk(value, root);
  const found = walk.next(VALUES_PER_SLICE);
  return found === SLICE_ENDED ? walk.finish() : found;
}

const SLICE_ENDED = Symbol('slice ended');

/** A value still to look at, or the rest of an array: a large one is taken an element at a time, not copied whole. */
type Pending = { value: unknown; field: string; depth: number } | { array: unknown[]; next: number; field: string; depth: number };

class InputWalk {
  private readonly pending: Pending[];

  constructor(value: unknown, root: string) {
    this.pending = [{ value, field: root, depth: 0 }];
  }

  async finish(): Promise<FieldError | undefined> {
    for (;;) {
      await yieldToEventLoop();
      const found = this.next(VALUES_PER_SLICE);
      if (found !== SLICE_ENDED) return found;
    }
  }

  next(budget: number): FieldError | undefined | typeof SLICE_ENDED {
    for (let seen = 0; this.pending.length > 0; seen++) {
      if (seen === budget) return SLICE_ENDED;
      const item = this.pending.pop()!;
      const problem = 'array' in item ? this.nextElement(item) : this.visit(item);
      if (problem) return problem;
    }
    return undefined;
  }

  /** The array's next element, its rest kept below it so that elements are looked at in order. */
  private nextElement(rest: Extract<Pending, { array: unknown[] }>): FieldError | undefined {
    const { array, next, field, depth } = rest;
    rest.next = next + 1;
    if (rest.next < array.length) this.pending.push(rest);
    return this.visit({ value: array[next], field: depth <= NAMED_DEPTH ? `${field}[${next}]` : field, depth });
  }

  private visit({ value, field, depth }: { value: unknown; field: string; depth: number }): FieldError | undefined {
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      return problem ? { field: field || 'body', message: `${field || 'the value'} ${problem}` } : undefined;
    }
    if (typeof value !== 'object' || value === null) return undefined;
    if (depth >= MAX_INPUT_DEPTH) {
      return { field: field || 'body', message: `${field || 'the body'} is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    }
    if (Array.isArray(value)) {
      if (value.length > 0) this.pending.push({ array: value, next: 0, field, depth: depth + 1 });
      return undefined;
    }
    for (const key of Object.keys(value)) {
      const child = depth >= NAMED_DEPTH ? field : field ? `${field}.${key}` : key;
      const keyProblem = stringProblem(key);
      if (keyProblem) return { field: child, message: `the field name ${JSON.stringify(key)} ${keyProblem}` };
      this.pending.push({ value: (value as Record<string, unknown>)[key], field: child, depth: depth + 1 });
    }
    return undefined;
  }
}

function stringProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'contains a NUL byte (\\u0000), which no text field accepts';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode text';
  return undefined;
}

/** A printable, storable copy of text that may hold NUL bytes or lone surrogates (for the audit log). */
export function storableText(text: string): string {
  return text
    .split(NUL)
    .join('\\u0000')
    .replace(LONE_SURROGATES, (half) => `\\u${half.charCodeAt(0).toString(16)}`);
}
