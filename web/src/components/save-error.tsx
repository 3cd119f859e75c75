import { useQueryClient } from '@tanstack/react-query';
import { KEYS } from '../api/brokering';
import { fieldErrors, isConflict } from './field-errors';

/** A stale version: someone else changed the partnership (or the milestone) since this page loaded it; Reload shows it. */
export function StaleNotice({ id, reset, what = 'partnership' }: { id: string; reset: () => void; what?: 'partnership' | 'milestone' }) {
  const queryClient = useQueryClient();
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: KEYS.partnership(id) });
    reset();
  };
  return (
    <div role="alert" className="field-error">
      This {what} was changed by someone else since you opened it: nothing was saved.{' '}
      <button type="button" className="link-button" onClick={reload}>
        Reload
      </button>
    </div>
  );
}

/**
 * Why a save failed, under its form: a stale version offers Reload (where the save sent one, `stale` names the
 * partnership); otherwise the API's message, unless every field it names is among the form's `fields`, whose
 * own messages beside them already say what is wrong.
 */
export function SaveError({
  save,
  fields = [],
  stale,
}: {
  save: { isError: boolean; error: Error | null; reset: () => void };
  fields?: readonly string[];
  stale?: { id: string; what?: 'partnership' | 'milestone' };
}) {
  if (!save.isError || !save.error) return null;
  if (stale && isConflict(save.error)) return <StaleNotice id={stale.id} what={stale.what} reset={save.reset} />;
  const named = Object.keys(fieldErrors(save.error));
  if (named.length > 0 && named.every((field) => fields.includes(field))) return null;
  return (
    <p role="alert" className="field-error">
      {save.error.message}
    </p>
  );
}
