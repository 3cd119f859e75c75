import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

/** class-validator's nested errors as a flat list of dotted field paths with their first message. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ')
        ? `${field} is not a known field`
        : error.value === undefined || error.value === null
          ? `${field} is required`
          : message,
    }));
    return [...own.slice(0, 1), ...flattenValidationErrors(error.children ?? [], field)];
  });
}
