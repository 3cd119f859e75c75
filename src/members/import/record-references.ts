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
  // Plain loops: the match command runs this once over thousands of records, before it is optimised.
  for (let index = 0; index < records.length; index++) {
    const record = asRecord(records[index]);
    if (!record) continue;
    if (typeof record.id === 'string') {
      const first = idsInBatch.get(record.id);
      if (first !== undefined) errors.push({ index, field: 'id', message: `id "${record.id}" repeats record ${first}` });
      else idsInBatch.set(record.id, index);
    }
    for (const field of THEME_FIELDS) {
      const map = record[field];
      if (typeof map !== 'object' || map === null) continue;
      for (const slug in map) {
        if (!Object.hasOwn(map, slug) || knownThemes.has(slug)) continue;
        errors.push({ index, field: `${field}.${slug}`, message: `unknown theme "${slug}" (see GET /api/v1/themes)` });
      }
    }
  }
  for (let index = 0; index < records.length; index++) {
    const record = asRecord(records[index]);
    if (!record) continue;
    for (const field of MEMBER_FIELDS) {
      const ids: unknown = record[field];
      if (!Array.isArray(ids)) continue;
      for (let position = 0; position < ids.length; position++) {
        const id: unknown = ids[position];
        if (typeof id !== 'string') continue;
        if (id === record.id) {
          errors.push({ index, field: `${field}[${position}]`, message: `a member cannot list itself in ${field}` });
        } else if (!idsInBatch.has(id) && !context.knownIds?.has(id)) {
          errors.push({ index, field: `${field}[${position}]`, message: `unknown member id "${id}"` });
        }
      }
    }
  }
  return errors;
}

const THEME_FIELDS = ['needs', 'offers'] as const;
const MEMBER_FIELDS = ['partners', 'dismissed'] as const;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
