/**
 * npm run match -- --input FILE --top K --output FILE [--weights FILE] [--threads N]
 *
 * Reads member records (a JSON array), writes each active member's best K candidates as
 * JSON Lines. Plain Node: no Nest application, so it starts fast and runs anywhere.
 */
import 'reflect-metadata';

import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { computeTopK, normaliseWeights, prepareDataset, type MatchProfile, type Weights } from '@citymatch/matching';
import { SingleBar } from 'cli-progress';

import { validateMemberRecords } from '../members';

export const USAGE = `Usage: npm run match -- --input FILE --top K --output FILE [--weights FILE] [--threads N]

  --input FILE     member records, a JSON array (the import/export format)
  --top K          suggestions per member
  --output FILE    JSON Lines, one line per active member, best first:
                   {"city":"c1","suggestions":[{"city":"c5","score":0.8123},...]}
                   (scores rounded to 4 decimals)
  --weights FILE   JSON object with any of thematic, shared, population, geo, language;
                   missing ones keep their defaults, and the total is scaled to 1
  --threads N      worker threads (default: all cores for large inputs)`;

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

  let records: unknown;
  let weights: Weights;
  try {
    records = await readJson(options.input);
    weights = normaliseWeights(options.weights ? ((await readJson(options.weights)) as Partial<Weights>) : {});
  } catch (error) {
    io.err(`match: ${(error as Error).message}`);
    return 1;
  }
  const errors = validateMemberRecords(records);
  if (errors.length > 0) {
    io.err(`match: ${options.input} has ${errors.length} problem(s); nothing was written`);
    for (const e of errors.slice(0, MAX_LISTED_ERRORS)) io.err(`  record ${e.index}, ${e.field || '(record)'}: ${e.message}`);
    if (errors.length > MAX_LISTED_ERRORS) io.err(`  ... and ${errors.length - MAX_LISTED_ERRORS} more`);
    return 1;
  }

  const members = records as MatchProfile[];
  const started = performance.now();
  const prepared = prepareDataset(members);
  const progress = progressReporter(io.interactive);
  const lists = await computeTopK(prepared, {
    k: options.top,
    weights,
    threads: options.threads,
    onProgress: progress.update,
  }).finally(progress.stop);
  const seconds = (performance.now() - started) / 1000;

  const byId = lists.toMap();
  const lines = members
    .filter((m) => m.status === 'active')
    .map((m) =>
      JSON.stringify({
        city: m.id,
        suggestions: byId.get(m.id)!.map((s) => ({ city: s.id, score: Math.round(s.score * 1e4) / 1e4 })),
      }),
    );
  await writeAtomically(options.output, lines.length ? `${lines.join('\n')}\n` : '');
  io.out(
    `matched ${prepared.size} members: ${lists.pairsScored} pairs scored in ${seconds.toFixed(2)} s ` +
      `(${Math.round(lists.pairsScored / Math.max(seconds, 1e-9))} pairs/s)`,
  );
  return 0;
}

interface MatchOptions {
  help: boolean;
  input: string;
  output: string;
  top: number;
  weights?: string;
  threads?: number;
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
  };
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${flag} must be a whole number >= ${min}, got "${text}"`);
  return value;
}

/** A bar on stderr once a run has lasted a few seconds, and only on a terminal. */
function progressReporter(interactive: boolean): { update: (p: { pairsDone: number; pairsTotal: number }) => void; stop: () => void } {
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update: ({ pairsDone, pairsTotal }) => {
      if (!interactive) return;
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
