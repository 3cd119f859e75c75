import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { Partnership, Stage } from '../api/types';
import { FieldError, fieldErrors } from '../components/field-errors';
import { TextAreaField, TextField } from '../components/form-field';
import { SaveError } from '../components/save-error';
import { STAGE_LABELS } from '../components/stage';
import { today, usePartnershipWrite } from './partnership-monitoring';

type TransitionBody = { to: Stage; version: number; note?: string; reason?: string; endedOn?: string; agreement?: object };

function useTransition(partnership: Partnership, onDone: () => void) {
  return usePartnershipWrite(
    partnership.id,
    (body: TransitionBody) =>
      api.POST('/api/v1/partnerships/{id}/transitions', { params: { path: { id: partnership.id } }, body: body as never }),
    onDone,
  );
}

/** The secretariat moves a partnership to one of the stages the table allows from here. */
/** The move form's fields that show the API's message beside them. */
const MOVE_FIELDS = [
  'to',
  'reason',
  'agreement',
  'agreement.signedOn',
  'agreement.termEndsOn',
  'agreement.signatories',
  'agreement.reference',
  'note',
];

export function StageMoves({ partnership }: { partnership: Partnership }) {
  const [to, setTo] = useState<Stage>(partnership.allowedMoves[0]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [signedOn, setSignedOn] = useState(today());
  const [termEndsOn, setTermEndsOn] = useState('');
  const [signatories, setSignatories] = useState('');
  const [reference, setReference] = useState('');
  const move = useTransition(partnership, () => {
    setNote('');
    setReason('');
  });
  const target = partnership.allowedMoves.includes(to) ? to : partnership.allowedMoves[0];
  const errors = fieldErrors(move.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: TransitionBody = { to: target, version: partnership.version };
    if (note) body.note = note;
    if (reason) body.reason = reason;
    if (target === 'agreement') {
      body.agreement = {
        signedOn,
        signatories: signatories
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        ...(termEndsOn && { termEndsOn }),
        ...(reference && { reference }),
      };
    }
    move.mutate(body);
  };
  return (
    <form className="panel stacked-form" onSubmit={submit} noValidate aria-labelledby="move-title">
      <h2 id="move-title">Move to the next stage</h2>
      <fieldset>
        <legend>Next stage</legend>
        {partnership.allowedMoves.map((stage) => (
          <label key={stage} className="choice">
            <input type="radio" name="to" value={stage} checked={target === stage} onChange={() => setTo(stage)} /> {STAGE_LABELS[stage]}
          </label>
        ))}
      </fieldset>
      <FieldError id="move-to-error" message={errors.to} />
      {(target === 'declined' || target === 'ended') && (
        <TextAreaField id="move-reason" label="Reason" rows={2} value={reason} onChange={setReason} error={errors.reason} />
      )}
      {target === 'agreement' && (
        <>
          <TextField
            id="agreement-signed"
            label="Signed on"
            type="date"
            value={signedOn}
            onChange={setSignedOn}
            error={errors['agreement.signedOn']}
          />
          <TextField
            id="agreement-term"
            label="Term ends on (optional)"
            type="date"
            value={termEndsOn}
            onChange={setTermEndsOn}
            error={errors['agreement.termEndsOn']}
          />
          <TextAreaField
            id="agreement-signatories"
            label="Signatories (one a line)"
            rows={2}
            value={signatories}
            onChange={setSignatories}
            error={errors['agreement.signatories'] ?? errors.agreement}
          />
          <TextField
            id="agreement-reference"
            label="Reference (optional)"
            value={reference}
            onChange={setReference}
            error={errors['agreement.reference']}
          />
        </>
      )}
      <TextField id="move-note" label="Note (optional)" value={note} onChange={setNote} error={errors.note} />
      <div className="form-actions">
        <button type="submit" disabled={move.isPending}>
          Move to {STAGE_LABELS[target]}
        </button>
      </div>
      <SaveError save={move} fields={MOVE_FIELDS} stale={{ id: partnership.id }} />
    </form>
  );
}

/** A city official may decline before an agreement, saying why. */
export function DeclineForm({ partnership }: { partnership: Partnership }) {
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  // Keyboard users keep their place: the form's field takes the focus, and Cancel gives it back to the button.
  const [cancelled, setCancelled] = useState(false);
  const decline = useTransition(partnership, () => setOpen(false));
  const errors = fieldErrors(decline.error);
  if (!open) {
    return (
      <p>
        <button type="button" className="secondary" autoFocus={cancelled} onClick={() => setOpen(true)}>
          Decline this partnership…
        </button>
      </p>
    );
  }
  return (
    <form
      className="panel stacked-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        decline.mutate({ to: 'declined', version: partnership.version, reason });
      }}
    >
      <h2>Decline the partnership</h2>
      <TextAreaField
        id="decline-reason"
        label="Why your city declines (both cities and the secretariat see this)"
        autoFocus
        rows={2}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
      <div className="form-actions">
        <button type="submit" disabled={decline.isPending}>
          Decline
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setCancelled(true);
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
      <SaveError save={decline} fields={['reason']} stale={{ id: partnership.id }} />
    </form>
  );
}

/** The secretariat's owner and next step, saved with the version as read. */
export function NextStepForm({ partnership }: { partnership: Partnership }) {
  const [owner, setOwner] = useState(partnership.owner ?? '');
  const [nextStep, setNextStep] = useState(partnership.nextStep ?? '');
  const [nextStepDue, setNextStepDue] = useState(partnership.nextStepDue ?? '');
  const [saved, setSaved] = useState(false);
  const update = usePartnershipWrite(
    partnership.id,
    () =>
      api.PATCH('/api/v1/partnerships/{id}', {
        params: { path: { id: partnership.id } },
        body: {
          version: partnership.version,
          kind: partnership.kind,
          ...(owner && { owner }),
          ...(nextStep && { nextStep }),
          ...(nextStepDue && { nextStepDue }),
        },
      }),
    () => setSaved(true),
  );
  const errors = fieldErrors(update.error);
  return (
    <form
      className="stacked-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        update.mutate();
      }}
    >
      <TextField id="owner" label="Owner" value={owner} onChange={setOwner} error={errors.owner} />
      <TextField id="next-step" label="Next step" value={nextStep} onChange={setNextStep} error={errors.nextStep} />
      <TextField id="next-step-due" label="Due on" type="date" value={nextStepDue} onChange={setNextStepDue} error={errors.nextStepDue} />
      <div className="form-actions">
        <button type="submit" disabled={update.isPending}>
          Save owner and next step
        </button>
        <span role="status" className="save-status">
          {saved && 'Saved.'}
        </span>
      </div>
      <SaveError save={update} fields={['owner', 'nextStep', 'nextStepDue']} stale={{ id: partnership.id }} />
    </form>
  );
}
