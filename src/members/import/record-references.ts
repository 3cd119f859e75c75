import { THEME_SLUGS } from '../../reference/themes';
import type { FieldError } from '../../http/field-errors';

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

/**
 * The checks across records, after each record's own shape: repeated ids, unknown themes, and
 * partners or dismissals that name no member. Light to load, for the match command's fast path.
 */
export function referenceErrors(records: readonly unknown[], context: RecordValidationContext = {}): RecordError[] {
  const knownThemes = context.knownThemes ?? new Set(THEME_SLUGS);
  const idsInBatch = new Map<string, number>();
  const errors: RecordError[] = [];
  records.forEach((value, index) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string') {
      const first = idsInBatch.get(record.id);
      if (first !== undefined) errors.push({ index, field: 'id', message: `id "${record.id}" repeats record ${first}` });
      else idsInBatch.set(record.id, index);
    }
    for (const field of ['needs', 'offers'] as const) {
      const map = record[field];
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
  return errors;
}
