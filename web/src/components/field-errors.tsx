import { ApiError } from '../api/client';

/** The API's field errors as field → message (the first one each), for showing beside each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details as Array<{ field?: string; message?: string }>) {
    if (detail.field && detail.message && !errors[detail.field]) errors[detail.field] = detail.message;
  }
  return errors;
}

/** A stale version: someone else saved first. */
export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/** An input's error, tied to it by id for screen readers (aria-describedby). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error">
      {message}
    </span>
  );
}
