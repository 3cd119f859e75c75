import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Milestone, Partnership } from '../api/types';
import { fieldErrors, isConflict } from '../components/field-errors';
import { TextField } from '../components/form-field';
import { today, useSavePartnership } from './partnership-monitoring';
import { StaleNotice } from './partnership-moves';

type MilestoneChange = Partial<Pick<Milestone, 'title' | 'dueOn' | 'doneOn'>>;

/** A change to one milestone, sent with the version read: a stale one is a 409 and changes nothing. */
export function useMilestoneChange(partnership: Partnership, milestone: Milestone, onDone: () => void = () => undefined) {
  const save = useSavePartnership(partnership.id);
  return useMutation({
    mutationFn: async (change: MilestoneChange) =>
      unwrap(
        await api.PATCH('/api/v1/partnerships/{id}/milestones/{milestoneId}', {
          params: { path: { id: partnership.id, milestoneId: milestone.id } },
          // doneOn null reopens it; the generated type does not say it is nullable.
          body: { version: milestone.version, ...change } as never,
        }),
      ) as unknown as Partnership,
    onSuccess: (saved) => {
      onDone();
      return save(saved);
    },
  });
}

/** Title, due date and the day it was done (empty: not done), saved together with the milestone's version. */
export function MilestoneEditForm({
  partnership,
  milestone,
  close,
}: {
  partnership: Partnership;
  milestone: Milestone;
  close: () => void;
}) {
  const [title, setTitle] = useState(milestone.title);
  const [dueOn, setDueOn] = useState(milestone.dueOn);
  const [doneOn, setDoneOn] = useState(milestone.doneOn ?? '');
  const change = useMilestoneChange(partnership, milestone, close);
  const errors = fieldErrors(change.error);
  const ids = (field: string) => `milestone-${milestone.id}-${field}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ title, dueOn, doneOn: doneOn || null });
  };
  return (
    <li>
      <form
        className="inline-form"
        onSubmit={submit}
        onKeyDown={(event) => event.key === 'Escape' && close()}
        noValidate
        aria-label={`Edit milestone: ${milestone.title}`}
      >
        <TextField nested id={ids('title')} label="Title" autoFocus value={title} onChange={setTitle} error={errors.title} />
        <TextField nested id={ids('due')} label="Due on" type="date" value={dueOn} onChange={setDueOn} error={errors.dueOn} />
        <TextField
          nested
          id={ids('done')}
          label="Done on (empty: not done)"
          type="date"
          value={doneOn}
          max={today()}
          onChange={setDoneOn}
          error={errors.doneOn}
        />
        <button type="submit" disabled={change.isPending}>
          Save milestone
        </button>
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
        {change.isError &&
          (isConflict(change.error) ? (
            <StaleNotice id={partnership.id} reset={change.reset} what="milestone" />
          ) : (
            !Object.keys(errors).length && (
              <p role="alert" className="field-error">
                {change.error.message}
              </p>
            )
          ))}
      </form>
    </li>
  );
}
