/**
 * The match command's run, once its options are read: reads the records, scores every active
 * member's candidates and writes the lists. Loaded by match.ts after it has started the pool's
 * threads, so that they start while this module and the kernel load.
 */
import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

import {
  computeTopK,
  normaliseWeights,
  prepareDataset,
  type MatchProfile,
  type PreparedDataset,
  type TopKLists,
  type TopKPool,
  type Weights,
} from '@citymatch/matching/kernel';
import { workerEntry } from '@citymatch/matching/worker-entry';

import type { RecordError } from '../members/import/record-references';
import { checkRecords, textOf, type RecordCheck } from './match-check';
import { matchLines, type LinesInput } from './match-lines';

/** Bad records listed before the rest are summed up. */
const MAX_LISTED_ERRORS = 20;
/** Runs shorter than this show no progress bar. */
const PROGRESS_AFTER_MS = 2000;
/** The pool thread's share of the output lines: it also copies its input and its lines across. */
const POOL_SHARE = 0.45;
/** The modules of the pool thread's tasks, beside this one (compiled or as TypeScript source, as it is). */
const LINES_MODULE = workerEntry(__filename, 'match-lines').file;
const CHECK_MODULE = workerEntry(__filename, 'match-check').file;

export interface MatchIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether stderr is a terminal (for the progress bar). */
  interactive: boolean;
}

export interface MatchOptions {
  help: boolean;
  input: string;
  output: string;
  top: number;
  weights?: string;
  threads?: number;
  decimals?: number;
}

/**
 * Reads, checks, scores and writes; resolves to the exit code. With a pool, its thread checks the
 * records (it parses its own copy of the file's text) while this one parses, prepares and starts
 * scanning them, so the check is off the run's critical path. Nothing is written before the check
 * has passed.
 */
export async function matchWith(pool: TopKPool | undefined, options: MatchOptions, io: MatchIo): Promise<number> {
  let records: unknown;
  /** The records as the checks read them (decoded as UTF-8): `records` unless the pool's thread checks them. */
  let checkable: () => unknown;
  let weights: Weights;
  let check: Promise<RecordCheck> | undefined;
  try {
    const bytes = readBytes(options.input, pool !== undefined);
    check = pool?.runTask<RecordCheck>({ file: CHECK_MODULE, name: 'checkRecordsBytes', input: bytes });
    check?.catch(() => undefined); // awaited below, unless the run stops before
    // The task is posted from a microtask: let it go before this thread parses and prepares.
    if (check) await new Promise<void>((resolve) => setImmediate(resolve));
    if (check) {
      records = parseForScoring(options.input, bytes);
      let utf8: { records: unknown } | undefined;
      checkable = () => (utf8 ??= { records: parseJson(options.input, textOf(bytes)) }).records;
    } else {
      const parsed = parseJson(options.input, textOf(bytes));
      records = parsed;
      checkable = () => parsed;
    }
    weights = normaliseWeights(options.weights ? (parseJson(options.weights, readText(options.weights)) as Partial<Weights>) : {});
  } catch (error) {
    io.err(`match: ${(error as Error).message}`);
    return 1;
  }
  // The pool thread's check, or this thread's when there is no pool (or its thread failed).
  const errorsOf = async (): Promise<RecordError[]> =>
    recordErrors(checkable, check ? await check.catch(() => checkRecords(checkable())) : checkRecords(checkable()));
  const badRecords = (errors: RecordError[]): number => {
    io.err(`match: ${options.input} has ${errors.length} problem(s); nothing was written`);
    for (const e of errors.slice(0, MAX_LISTED_ERRORS)) io.err(`  record ${e.index}, ${e.field || '(record)'}: ${e.message}`);
    if (errors.length > MAX_LISTED_ERRORS) io.err(`  ... and ${errors.length - MAX_LISTED_ERRORS} more`);
    return 1;
  };
  if (!check) {
    const errors = await errorsOf();
    if (errors.length > 0) return badRecords(errors);
  }

  const members = records as MatchProfile[];
  const started = performance.now();
  let prepared: PreparedDataset;
  try {
    prepared = prepareDataset(members);
  } catch (error) {
    // Records not checked yet can break preparing: their problems, if they have any, say why.
    const errors = await errorsOf();
    if (errors.length > 0) return badRecords(errors);
    throw error;
  }
  const progress = await progressReporter(io.interactive);
  const lists = await computeTopK(prepared, {
    k: options.top,
    weights,
    ...(pool ? { pool, callerScans: true } : { threads: 1 }),
    onProgress: progress.update,
  }).finally(progress.stop);
  const seconds = (performance.now() - started) / 1000;
  if (check) {
    const errors = await errorsOf();
    if (errors.length > 0) return badRecords(errors);
  }

  await writeAtomically(options.output, await outputParts(pool, members, prepared, lists, options.decimals));
  io.out(
    `matched ${prepared.size} members: ${lists.pairsScored} pairs scored in ${seconds.toFixed(2)} s ` +
      `(${Math.round(lists.pairsScored / Math.max(seconds, 1e-9))} pairs/s)`,
  );
  return 0;
}

/**
 * The records' problems, numbered by record. Records the quick check is sure of skip the full
 * validation, which is loaded only for a file with a problem (or a record it is unsure of).
 */
async function recordErrors(records: () => unknown, check: RecordCheck): Promise<RecordError[]> {
  if (check.sure) return check.errors;
  await import('reflect-metadata');
  const { validateMemberRecords } = await import('../members/import/validate-member-records');
  return validateMemberRecords(records());
}

/**
 * One JSON line per active member, in input order, in parts to write one after the other. With a
 * pool, its thread writes the first part (as UTF-8) while this one writes the rest: the pool's thread
 * would otherwise wait. A run on one thread writes the same bytes.
 */
async function outputParts(
  pool: TopKPool | undefined,
  members: readonly MatchProfile[],
  prepared: PreparedDataset,
  lists: TopKLists,
  decimals: number | undefined,
): Promise<(string | Uint8Array)[]> {
  const slots: number[] = [];
  for (const member of members) if (member.status === 'active') slots.push(prepared.indexOf.get(member.id)! - lists.start);
  const { start, k, counts, indices, scores } = lists;
  const lines = (from: number, to: number): LinesInput => {
    return { ids: prepared.ids, start, slots: Int32Array.from(slots.slice(from, to)), k, counts, indices, scores, decimals };
  };
  if (!pool) return [matchLines(lines(0, slots.length))];
  const split = Math.floor(slots.length * POOL_SHARE);
  const first = pool.runTask<Uint8Array>({ file: LINES_MODULE, name: 'matchLinesUtf8', input: lines(0, split) });
  // The task is posted from a microtask: let it go before this thread writes its part.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const second = matchLines(lines(split, slots.length));
  return [await first, second];
}

function readText(path: string): string {
  return textOf(readBytes(path, false));
}

/**
 * A file's bytes; `shared`, in a SharedArrayBuffer, so that the pool's thread reads the very bytes
 * this one parses, without a copy of the text on the way. Read at once (readFileSync): the command
 * has nothing else to do meanwhile, and reading in chunks through libuv's threads took 6-10 ms
 * against 1 for the demo set's 2 MB.
 */
function readBytes(path: string, shared: boolean): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!shared) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/**
 * The records as this thread scores them while the pool's thread checks them, from the bytes decoded
 * as Latin-1: every field that scoring reads (ids, codes, themes, levels, numbers) is ASCII in a file
 * that passes the check, and ASCII reads the same in Latin-1, which decodes in one copy, where UTF-8
 * makes a two-byte string that also parses slower (28 -> 22 ms for the demo set's 2 MB). Names, the
 * only text that may be other than ASCII, are not read here; the checks read the file as UTF-8, and
 * nothing is written before they pass. A file that is not JSON says why in its own characters.
 */
function parseForScoring(path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  } catch {
    return parseJson(path, textOf(bytes));
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** A bar on stderr once a run has lasted a few seconds, and only on a terminal (the only case that loads it). */
async function progressReporter(
  interactive: boolean,
): Promise<{ update: (p: { pairsDone: number; pairsTotal: number }) => void; stop: () => void }> {
  const SingleBar = interactive ? (await import('cli-progress')).SingleBar : undefined;
  const started = Date.now();
  let bar: InstanceType<NonNullable<typeof SingleBar>> | undefined;
  return {
    update: ({ pairsDone, pairsTotal }) => {
      if (!SingleBar) return;
      if (!bar && Date.now() - started >= PROGRESS_AFTER_MS) {
        bar = new SingleBar({ format: 'matching [{bar}] {percentage}% | ETA {eta}s', stream: process.stderr });
        bar.start(pairsTotal, 0);
      }
      bar?.update(pairsDone);
    },
    stop: () => bar?.stop(),
  };
}

/** Writes beside the target and renames, so a failed run leaves no partial output. */
async function writeAtomically(path: string, parts: readonly (string | Uint8Array)[]): Promise<void> {
  const partial = `${path}.partial`;
  try {
    const file = await open(partial, 'w');
    try {
      // Each writeFile on a handle writes all of its part, from where the last one ended.
      for (const part of parts) await file.writeFile(part);
    } finally {
      await file.close();
    }
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
}
