import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Milestone, Partnership } from '../api/types';
import { fieldErrors } from '../components/field-errors';
import { TextField } from '../components/form-field';
import { SaveError } from '../components/save-error';
import { Day } from '../components/stage';
import { Empty } from '../components/states';
import { MilestoneEditForm, useMilestoneChange } from './milestone-edit-form';
import { today, usePartnershipWrite } from './partnership-monitoring';

/** The action plan; `editable` offers adding, editing and marking done (an open partnership), else it is a record only. */
export function Milestones({ partnership, editable }: { partnership: Partnership; editable: boolean }) {
  return (
    <div className="panel">
      <h2>Milestones</h2>
      {partnership.milestones.length === 0 ? (
        <Empty title="No milestones yet.">
          <p>The action plan's milestones appear here once the secretariat or either city records them.</p>
        </Empty>
      ) : (
        <ul className="milestones">
          {partnership.milestones.map((milestone) => (
            <MilestoneItem key={milestone.id} partnership={partnership} milestone={milestone} editable={editable} />
          ))}
        </ul>
      )}
      {editable && <MilestoneForm partnership={partnership} />}
    </div>
  );
}

function MilestoneItem({ partnership, milestone, editable }: { partnership: Partnership; milestone: Milestone; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  // Keyboard users keep their place: the form's first field takes the focus, and leaving it gives it back to Edit.
  const [left, setLeft] = useState(false);
  const markDone = useMilestoneChange(partnership, milestone);
  const close = () => {
    setLeft(true);
    setEditing(false);
  };
  if (editing) return <MilestoneEditForm partnership={partnership} milestone={milestone} close={close} />;
  return (
    <li>
      <span>
        <strong>{milestone.title}</strong> — due <Day date={milestone.dueOn} />
        {milestone.responsible && ` · ${milestone.responsible}`}
        {milestone.doneOn && (
          <>
            {' '}
            · done <Day date={milestone.doneOn} />
          </>
        )}
      </span>
      {editable && (
        <span className="form-actions">
          <button type="button" className="secondary" autoFocus={left} onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden">: {milestone.title}</span>
          </button>
          <button
            type="button"
            className="secondary"
            disabled={markDone.isPending}
            onClick={() => markDone.mutate({ doneOn: milestone.doneOn ? null : today() })}
          >
            {milestone.doneOn ? 'Reopen' : 'Mark done'}
            <span className="visually-hidden">: {milestone.title}</span>
          </button>
        </span>
      )}
      <SaveError save={markDone} stale={{ id: partnership.id, what: 'milestone' }} />
    </li>
  );
}

function MilestoneForm({ partnership }: { partnership: Partnership }) {
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = usePartnershipWrite(
    partnership.id,
    () => api.POST('/api/v1/partnerships/{id}/milestones', { params: { path: { id: partnership.id } }, body: { title, dueOn } }),
    () => {
      setTitle('');
      setDueOn('');
    },
  );
  const errors = fieldErrors(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <h3>Add a milestone</h3>
      <TextField nested id="milestone-title" label="Milestone" value={title} onChange={setTitle} error={errors.title} />
      <TextField nested id="milestone-due" label="Due on" type="date" value={dueOn} onChange={setDueOn} error={errors.dueOn} />
      <button type="submit" disabled={add.isPending}>
        Add milestone
      </button>
      <SaveError save={add} fields={['title', 'dueOn']} />
    </form>
  );
}
