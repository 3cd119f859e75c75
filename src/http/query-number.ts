import { Transform } from 'class-transformer';

/**
 * A number from the query string. Text that is not a number stays as given (not NaN), so the
 * refusal can quote it: `minPopulation must be a whole number (got "abc")`.
 */
export function QueryNumber(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string' || value.trim() === '') return value;
    const number = Number(value);
    return Number.isNaN(number) ? value : number;
  });
}
