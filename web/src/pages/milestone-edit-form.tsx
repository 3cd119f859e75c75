import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Milestone, Partnership } from '../api/types';
import { fieldErrors } from '../components/field-errors';
import { TextField } from '../components/form-field';
import { SaveError } from '../components/save-error';
import { today, usePartnershipWrite } from './partnership-monitoring';

type MilestoneChange = Partial<Pick<Milestone, 'title' | 'dueOn' | 'doneOn'>>;

/** A change to one milestone, sent with the version read: a stale one is a 409 and changes nothing. */
export function useMilestoneChange(partnership: Partnership, milestone: Milestone, onDone: () => void = () => undefined) {
  return usePartnershipWrite(
    partnership.id,
    (change: MilestoneChange) =>
      api.PATCH('/api/v1/partnerships/{id}/milestones/{milestoneId}', {
        params: { path: { id: partnership.id, milestoneId: milestone.id } },
        // doneOn null reopens it; the generated type does not say it is nullable.
        body: { version: milestone.version, ...change } as never,
      }),
    onDone,
  );
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
        <SaveError save={change} fields={['title', 'dueOn', 'doneOn']} stale={{ id: partnership.id, what: 'milestone' }} />
      </form>
    </li>
  );
}
