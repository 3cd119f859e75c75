/**
 * The match command's record check as a function of the input file's text, so that the pool's thread
 * can run it (TopKPool.runTask) on a copy of the text while the command's own thread parses and
 * prepares the same text.
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

/** checkRecords of a file's text; text that does not parse is left to the command, which says why. */
export function checkRecordsText(text: string): RecordCheck {
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch {
    return { sure: false, errors: [] };
  }
  return checkRecords(records);
}
