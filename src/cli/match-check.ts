/**
 * The match command's record check as a function of the input file, so that the pool's thread can
 * run it (TopKPool.runTask) while the command's own thread reads and prepares the same file.
 */
import { readFileSync } from 'node:fs';

import { referenceErrors, type RecordError } from '../members/import/record-references';
import { certainlyValidRecords } from './match-quick-check';

/**
 * `sure`: the quick check is sure of every record, and `errors` are then the file's problems
 * across records. A file it is not sure of goes to the full validation, which words every error.
 */
export interface RecordCheck {
  sure: boolean;
  errors: RecordError[];
}

export function checkRecords(records: unknown): RecordCheck {
  if (!certainlyValidRecords(records)) return { sure: false, errors: [] };
  return { sure: true, errors: referenceErrors(records).sort((a, b) => a.index - b.index) };
}

/** checkRecords of a file; a file that cannot be read or parsed is left to the command, which says why. */
export function checkRecordsFile(path: string): RecordCheck {
  let records: unknown;
  try {
    records = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { sure: false, errors: [] };
  }
  return checkRecords(records);
}
