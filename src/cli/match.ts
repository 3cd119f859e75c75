/**
 * npm run match -- --input FILE --top K --output FILE [--weights FILE] [--threads N] [--decimals N]
 *
 * Reads member records (a JSON array), writes each active member's best K candidates as
 * JSON Lines. Plain Node: no Nest application. This module reads the options and starts the
 * scanning threads before it loads anything else (match-run.ts, the kernel, the record check),
 * and the full record validation and the progress bar load only when they are used.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

import { COMPONENTS } from '@citymatch/matching/component-table';
import { TopKPool } from '@citymatch/matching/kernel/top-k-pool';

import type { MatchIo, MatchOptions } from './match-run';

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
  // This thread scans too, so the pool has one thread fewer. Its thread starts while this one loads
  // the rest of the command, and checks the records while this one parses and prepares them.
  const threads = options.threads ?? availableParallelism();
  const pool = threads > 1 ? new TopKPool(threads - 1) : undefined;
  try {
    const { matchWith } = await import('./match-run');
    return await matchWith(pool, options, io);
  } finally {
    await pool?.close();
  }
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

function wholeNumber(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be a whole number ${range}, got "${text}"`);
  }
  return value;
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
