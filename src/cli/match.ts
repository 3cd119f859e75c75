/**
 * npm run match -- --input FILE --top K --output FILE [--weights FILE] [--threads N] [--decimals N]
 *
 * Reads member records (a JSON array), writes each active member's best K candidates as
 * JSON Lines. Plain Node: no Nest application, and only what a run needs is loaded (the full
 * record validation and the progress bar when they are used), so it starts fast.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

import {
  COMPONENTS,
  computeTopK,
  normaliseWeights,
  prepareDataset,
  TopKPool,
  type MatchProfile,
  type PreparedDataset,
  type TopKLists,
  type Weights,
} from '@citymatch/matching/kernel';

import { referenceErrors, type RecordError } from '../members/import/record-references';
import { certainlyValidRecords } from './match-quick-check';

const WEIGHT_LINES = COMPONENTS.map((c) => `                     ${c.key} (default ${c.defaultWeight}): ${c.meaning}`).join('\n');

export const USAGE = `Usage: npm run match -- --input FILE --top K --output FILE [--weights FILE] [--threads N] [--decimals N]

  --input FILE     member records, a JSON array (the import/export format)
  --top K          suggestions per member
  --output FILE    JSON Lines, one line per active member, best first:
                   {"city":"c1","suggestions":[{"city":"c5","score":0.8123456789012345},...]}
                   Scores are written in full: the shortest text that reads back to the same number.
  --weights FILE   JSON object with any of these weights; missing ones keep their defaults,
                   and the total is scaled to 1:
${WEIGHT_LINES}
  --threads N      threads that score, this one included (default: all cores)
  --decimals N     round scores to N decimals (0 to 17) for display
  --help           this text`;

/** Decimals JavaScript can round a number to. */
const MAX_DECIMALS = 17;

/** Bad records listed before the rest are summed up. */
const MAX_LISTED_ERRORS = 20;
/** Runs shorter than this show no progress bar. */
const PROGRESS_AFTER_MS = 2000;

export interface MatchIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether stderr is a terminal (for the progress bar). */
  interactive: boolean;
}

class UsageError extends Error {}

/** Runs the command; resolves to the exit code (0 done, 1 bad input, 2 bad usage). */
export async function runMatch(argv: readonly string[], io: MatchIo): Promise<number> {
  let options: MatchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  // This thread scans too, so the pool has one thread fewer; it starts, and warms up its scan,
  // while this one reads and checks the input.
  const threads = options.threads ?? availableParallelism();
  const pool = threads > 1 ? new TopKPool(threads - 1, { warmUp: true }) : undefined;
  try {
    return await matchWith(pool, options, io);
  } finally {
    await pool?.close();
  }
}

async function matchWith(pool: TopKPool | undefined, options: MatchOptions, io: MatchIo): Promise<number> {
  let records: unknown;
  let weights: Weights;
  try {
    records = await readJson(options.input);
    weights = normaliseWeights(options.weights ? ((await readJson(options.weights)) as Partial<Weights>) : {});
  } catch (error) {
    io.err(`match: ${(error as Error).message}`);
    return 1;
  }
  const errors = await recordErrors(records);
  if (errors.length > 0) {
    io.err(`match: ${options.input} has ${errors.length} problem(s); nothing was written`);
    for (const e of errors.slice(0, MAX_LISTED_ERRORS)) io.err(`  record ${e.index}, ${e.field || '(record)'}: ${e.message}`);
    if (errors.length > MAX_LISTED_ERRORS) io.err(`  ... and ${errors.length - MAX_LISTED_ERRORS} more`);
    return 1;
  }

  const members = records as MatchProfile[];
  const started = performance.now();
  const prepared = prepareDataset(members);
  const progress = await progressReporter(io.interactive);
  const lists = await computeTopK(prepared, {
    k: options.top,
    weights,
    ...(pool ? { pool, callerScans: true } : { threads: 1 }),
    onProgress: progress.update,
  }).finally(progress.stop);
  const seconds = (performance.now() - started) / 1000;

  await writeAtomically(options.output, outputLines(members, prepared, lists, scoreValue(options.decimals)));
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
async function recordErrors(records: unknown): Promise<RecordError[]> {
  if (certainlyValidRecords(records)) return referenceErrors(records).sort((a, b) => a.index - b.index);
  await import('reflect-metadata');
  const { validateMemberRecords } = await import('../members/import/validate-member-records');
  return validateMemberRecords(records);
}

/**
 * One JSON line per active member in input order, read straight from the lists' arrays. Each line is one
 * JSON.stringify of plain objects: V8 writes the numbers and strings of a whole line in one native pass,
 * which is a third faster here than writing each score with String and joining the pieces.
 */
function outputLines(
  members: readonly MatchProfile[],
  prepared: PreparedDataset,
  lists: TopKLists,
  shown: (score: number) => number,
): string {
  const { ids, indexOf } = prepared;
  const lines: string[] = [];
  for (const member of members) {
    if (member.status !== 'active') continue;
    const slot = indexOf.get(member.id)! - lists.start;
    const base = slot * lists.k;
    const suggestions = new Array<{ city: string; score: number }>(lists.counts[slot]);
    for (let r = 0; r < suggestions.length; r++) {
      suggestions[r] = { city: ids[lists.indices[base + r]], score: shown(lists.scores[base + r]) };
    }
    lines.push(JSON.stringify({ city: member.id, suggestions }));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Full precision (JSON writes the shortest text that reads back to the same number), or N decimals. */
function scoreValue(decimals: number | undefined): (score: number) => number {
  if (decimals === undefined) return (score) => score;
  return (score) => Number(score.toFixed(decimals));
}

interface MatchOptions {
  help: boolean;
  input: string;
  output: string;
  top: number;
  weights?: string;
  threads?: number;
  decimals?: number;
}

function parseOptions(argv: readonly string[]): MatchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      input: { type: 'string' },
      output: { type: 'string' },
      top: { type: 'string' },
      weights: { type: 'string' },
      threads: { type: 'string' },
      decimals: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return { help: true, input: '', output: '', top: 0 };
  if (!values.input || !values.output || values.top === undefined) throw new UsageError('--input, --top and --output are required');
  return {
    help: false,
    input: values.input,
    output: values.output,
    top: wholeNumber('--top', values.top, 1),
    weights: values.weights,
    threads: values.threads === undefined ? undefined : wholeNumber('--threads', values.threads, 1),
    decimals: values.decimals === undefined ? undefined : wholeNumber('--decimals', values.decimals, 0, MAX_DECIMALS),
  };
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function wholeNumber(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be a whole number ${range}, got "${text}"`);
  }
  return value;
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
async function writeAtomically(path: string, text: string): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, text);
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
}

if (require.main === module) {
  runMatch(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stderr.isTTY),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`match: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
