/**
 * The match command's record check as a function of the input file's bytes, so that the pool's
 * thread can run it (TopKPool.runTask) on the bytes the command's own thread parses and prepares
 * meanwhile (shared, not copied).
 */
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

/** A file's bytes as text (UTF-8), shared bytes included. */
export function textOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** checkRecords of a file's bytes; text that does not parse is left to the command, which says why. */
export function checkRecordsBytes(bytes: Uint8Array): RecordCheck {
  let records: unknown;
  try {
    records = JSON.parse(textOf(bytes));
  } catch {
    return { sure: false, errors: [] };
  }
  return checkRecords(records);
}
