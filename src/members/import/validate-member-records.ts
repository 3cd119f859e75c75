import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { THEME_SLUGS } from '../../reference/themes';
import { MemberRecordDto } from '../dto/member-record.dto';
import { type FieldError, flattenValidationErrors } from '../../http/field-errors';

export interface RecordError extends FieldError {
  /** Position of the record in the input array; -1 when the input as a whole is wrong. */
  index: number;
}

export interface RecordValidationContext {
  /** Theme slugs that needs and offers may use (default: the launch themes). */
  knownThemes?: ReadonlySet<string>;
  /** Ids of members already stored, which partners and dismissed may name besides the records themselves. */
  knownIds?: ReadonlySet<string>;
}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** Every problem of a member-record array at once: shape, codes, ranges, unknown themes and dangling ids. */
export function validateMemberRecords(records: unknown, context: RecordValidationContext = {}): RecordError[] {
  if (!Array.isArray(records)) {
    return [{ index: -1, field: '', message: 'the input must be a JSON array of member records' }];
  }
  const knownThemes = context.knownThemes ?? new Set(THEME_SLUGS);
  const idsInBatch = new Map<string, number>();
  const errors: RecordError[] = [];

  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push({ index, field: '', message: 'each record must be a JSON object' });
      return;
    }
    const dto = plainToInstance(MemberRecordDto, record);
    for (const error of flattenValidationErrors(validateSync(dto, VALIDATION))) errors.push({ index, ...error });

    if (typeof dto.id === 'string') {
      const first = idsInBatch.get(dto.id);
      if (first !== undefined) errors.push({ index, field: 'id', message: `id "${dto.id}" repeats record ${first}` });
      else idsInBatch.set(dto.id, index);
    }
    for (const field of ['needs', 'offers'] as const) {
      const map = dto[field];
      if (typeof map !== 'object' || map === null) continue;
      for (const slug of Object.keys(map)) {
        if (!knownThemes.has(slug))
          errors.push({ index, field: `${field}.${slug}`, message: `unknown theme "${slug}" (see GET /api/v1/themes)` });
      }
    }
  });

  records.forEach((record, index) => {
    for (const field of ['partners', 'dismissed'] as const) {
      const ids: unknown = (record as Record<string, unknown> | null)?.[field];
      if (!Array.isArray(ids)) continue;
      ids.forEach((id, position) => {
        if (typeof id !== 'string') return;
        if (id === (record as { id?: unknown }).id) {
          errors.push({ index, field: `${field}[${position}]`, message: `a member cannot list itself in ${field}` });
        } else if (!idsInBatch.has(id) && !context.knownIds?.has(id)) {
          errors.push({ index, field: `${field}[${position}]`, message: `unknown member id "${id}"` });
        }
      });
    }
  });
  return errors.sort((a, b) => a.index - b.index);
}
