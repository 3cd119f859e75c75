import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { THEME_SLUGS } from '../../reference/themes';
import { MemberRecordDto } from '../dto/member-record.dto';
import { flattenValidationErrors } from '../../http/field-errors';
import { yieldToEventLoop } from '../../http/unsafe-input';
import type { RecordError, RecordValidationContext } from './record-references';

export type { RecordError, RecordValidationContext };

/** Problems of a large import that are listed; past them checking stops, so the answer stays small. */
export const MAX_LISTED_ERRORS = 100;

export interface RecordValidation {
  /** The problems found, by record; at most the cap. */
  errors: RecordError[];
  /** False when checking stopped at the cap: more records may have problems. */
  complete: boolean;
  /** Records checked before stopping (all of them when complete). */
  checked: number;
}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
/** Longest stretch of checking before other requests get their turn. */
const SLICE_MS = 20;

/** Every problem of a member-record array at once: shape, codes, ranges, unknown themes and dangling ids. */
export function validateMemberRecords(records: unknown, context: RecordValidationContext = {}): RecordError[] {
  if (!Array.isArray(records)) return [notAnArray()];
  const checker = new RecordChecker(context, Infinity);
  records.forEach((record, index) => checker.checkRecord(record, index));
  records.forEach((record, index) => checker.checkReferences(record, index));
  return checker.sortedErrors();
}

/**
 * The same checks for the API's import: stops once `maxErrors` problems are found, and yields to
 * the event loop every few milliseconds so that other requests are answered meanwhile.
 */
export async function validateMemberRecordsInSlices(
  records: unknown,
  context: RecordValidationContext = {},
  maxErrors = MAX_LISTED_ERRORS,
): Promise<RecordValidation> {
  if (!Array.isArray(records)) return { errors: [notAnArray()], complete: true, checked: 0 };
  const checker = new RecordChecker(context, maxErrors);
  let sliceStart = performance.now();
  for (const pass of [checker.checkRecord, checker.checkReferences]) {
    for (let index = 0; index < records.length; index++) {
      pass.call(checker, records[index], index);
      if (checker.full) return { errors: checker.sortedErrors(), complete: false, checked: index + 1 };
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  }
  return { errors: checker.sortedErrors(), complete: true, checked: records.length };
}

function notAnArray(): RecordError {
  return { index: -1, field: '', message: 'the input must be a JSON array of member records' };
}

class RecordChecker {
  private readonly errors: RecordError[] = [];
  private readonly idsInBatch = new Map<string, number>();
  private readonly knownThemes: ReadonlySet<string>;

  constructor(
    private readonly context: RecordValidationContext,
    private readonly maxErrors: number,
  ) {
    this.knownThemes = context.knownThemes ?? new Set(THEME_SLUGS);
  }

  get full(): boolean {
    return this.errors.length >= this.maxErrors;
  }

  sortedErrors(): RecordError[] {
    return this.errors.slice(0, this.maxErrors).sort((a, b) => a.index - b.index);
  }

  /** Shape, codes, ranges, repeated ids and unknown themes of one record. */
  checkRecord(record: unknown, index: number): void {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      this.errors.push({ index, field: '', message: 'each record must be a JSON object' });
      return;
    }
    const dto = plainToInstance(MemberRecordDto, record);
    for (const error of flattenValidationErrors(validateSync(dto, VALIDATION))) this.errors.push({ index, ...error });

    if (typeof dto.id === 'string') {
      const first = this.idsInBatch.get(dto.id);
      if (first !== undefined) this.errors.push({ index, field: 'id', message: `id "${dto.id}" repeats record ${first}` });
      else this.idsInBatch.set(dto.id, index);
    }
    for (const field of ['needs', 'offers'] as const) {
      const map = dto[field];
      if (typeof map !== 'object' || map === null) continue;
      for (const slug of Object.keys(map)) {
        if (!this.knownThemes.has(slug))
          this.errors.push({ index, field: `${field}.${slug}`, message: `unknown theme "${slug}" (see GET /api/v1/themes)` });
      }
    }
  }

  /** Partners and dismissed name members of the batch or already stored, never the record itself (after checkRecord of all). */
  checkReferences(record: unknown, index: number): void {
    for (const field of ['partners', 'dismissed'] as const) {
      const ids: unknown = (record as Record<string, unknown> | null)?.[field];
      if (!Array.isArray(ids)) continue;
      ids.forEach((id, position) => {
        if (typeof id !== 'string') return;
        if (id === (record as { id?: unknown }).id) {
          this.errors.push({ index, field: `${field}[${position}]`, message: `a member cannot list itself in ${field}` });
        } else if (!this.idsInBatch.has(id) && !this.context.knownIds?.has(id)) {
          this.errors.push({ index, field: `${field}[${position}]`, message: `unknown member id "${id}"` });
        }
      });
    }
  }
}
