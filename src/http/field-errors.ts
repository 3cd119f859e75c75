import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

/** What the value is (its type) is told before what it should be (its range): "abc" is not "less than 1". */
const TYPE_CONSTRAINTS = ['isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isObject', 'isArray'];

/** class-validator's default wording, said about the value that was given. */
const CLEARER: Record<string, (field: string, given: string) => string> = {
  isInt: (field, given) => `${field} must be a whole number${given}`,
  isNumber: (field, given) => `${field} must be a number${given}`,
  isLatitude: (field, given) => `${field} must be a latitude between -90 and 90${given}`,
  isLongitude: (field, given) => `${field} must be a longitude between -180 and 180${given}`,
};

/** class-validator's nested errors as a flat list of dotted field paths with their first message. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {}).sort(([a], [b]) => typePriority(a) - typePriority(b));
    const own = constraints.slice(0, 1).map(([name, message]) => ({ field, message: clearMessage(field, name, message, error.value) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function typePriority(constraint: string): number {
  const index = TYPE_CONSTRAINTS.indexOf(constraint);
  return index === -1 ? TYPE_CONSTRAINTS.length : index;
}

function clearMessage(field: string, constraint: string, message: string, value: unknown): string {
  if (message.startsWith('property ')) return `${field} is not a known field`;
  if (value === undefined || value === null) return `${field} is required`;
  const given = describeGiven(value);
  if (CLEARER[constraint]) return CLEARER[constraint](field, given);
  // Ranges: "must not be less than 1" → "must be at least 1 (got 0)".
  const range = /must not be (less|greater) than (\S+)$/.exec(message);
  if (range) return `${field} must be at ${range[1] === 'less' ? 'least' : 'most'} ${range[2]}${given}`;
  return message;
}

/** " (got …)" for a value worth echoing; nothing for one a query could not convert (NaN) or a large one. */
function describeGiven(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? '' : ` (got ${value})`;
  if (typeof value === 'string') return value.length <= 40 ? ` (got ${JSON.stringify(value)})` : '';
  if (typeof value === 'boolean') return ` (got ${value})`;
  return Array.isArray(value) ? ' (got a list)' : typeof value === 'object' ? ' (got an object)' : '';
}
