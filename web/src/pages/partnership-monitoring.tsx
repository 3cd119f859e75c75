import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { KEYS } from '../api/brokering';
import { api, unwrap } from '../api/client';
import { ACTIVITY_KINDS, type Partnership } from '../api/types';
import { fieldErrors } from '../components/field-errors';
import { SelectField, TextAreaField, TextField } from '../components/form-field';
import { SaveError } from '../components/save-error';
import { Day } from '../components/stage';
import { Empty } from '../components/states';

/** Today as the API counts days (UTC): a reader east of Greenwich must not default to a day it calls the future. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Every write answers the partnership as it now is: the page shows that, and lists refresh. */
export function useSavePartnership(id: string) {
  const queryClient = useQueryClient();
  return (saved: Partnership) => {
    queryClient.setQueryData(KEYS.partnership(id), saved);
    // A stage change notifies people: the unread count may change too.
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['partnerships'], predicate: (query) => query.queryKey[1] !== 'one' }),
      queryClient.invalidateQueries({ queryKey: KEYS.notifications }),
    ]);
  };
}

/**
 * A write to a partnership (a move, a milestone, an activity, the next step): `send` calls the API, which answers
 * the partnership as it now is; `onDone` resets the form before the page shows that answer.
 */
export function usePartnershipWrite<Variables = void>(
  id: string,
  send: (variables: Variables) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  onDone: () => void = () => undefined,
) {
  const save = useSavePartnership(id);
  return useMutation({
    mutationFn: async (variables: Variables) => unwrap(await send(variables)) as unknown as Partnership,
    onSuccess: (saved) => {
      onDone();
      return save(saved);
    },
  });
}

export function Activities({ partnership }: { partnership: Partnership }) {
  return (
    <div className="panel">
      <h2>Activities</h2>
      {partnership.activities.length === 0 ? (
        <Empty title="No activity logged yet.">
          <p>Log visits, meetings and exchanges below: a partnership with no activity for a year is marked dormant.</p>
        </Empty>
      ) : (
        <ul className="activities">
          {partnership.activities.map((activity) => (
            <li key={activity.id}>
              <Day date={activity.occurredOn} /> · {activity.kind}: {activity.summary}
              {activity.participants.length > 0 && <span className="meta"> (with {activity.participants.join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ActivityForm({ partnership }: { partnership: Partnership }) {
  const [occurredOn, setOccurredOn] = useState(today());
  const [kind, setKind] = useState<(typeof ACTIVITY_KINDS)[number]>('meeting');
  const [summary, setSummary] = useState('');
  const [participants, setParticipants] = useState('');
  const [logged, setLogged] = useState(false);
  const log = usePartnershipWrite(
    partnership.id,
    () =>
      api.POST('/api/v1/partnerships/{id}/activities', {
        params: { path: { id: partnership.id } },
        body: {
          occurredOn,
          kind,
          summary,
          participants: participants
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        },
      }),
    () => {
      setSummary('');
      setParticipants('');
      setLogged(true);
    },
  );
  const errors = fieldErrors(log.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLogged(false);
    log.mutate();
  };
  return (
    <form className="panel stacked-form" onSubmit={submit} noValidate aria-labelledby="activity-form-title">
      <h2 id="activity-form-title">Log an activity</h2>
      {partnership.stage === 'dormant' && <p>Logging an activity brings this dormant partnership back to Implementing.</p>}
      <TextField
        id="activity-date"
        label="Date"
        type="date"
        value={occurredOn}
        max={today()}
        onChange={setOccurredOn}
        error={errors.occurredOn}
      />
      <SelectField
        id="activity-kind"
        label="Kind"
        choices={ACTIVITY_KINDS}
        value={kind}
        onChange={(value) => setKind(value as typeof kind)}
        error={errors.kind}
      />
      <TextAreaField id="activity-summary" label="Summary" rows={3} value={summary} onChange={setSummary} error={errors.summary} />
      <TextAreaField
        id="activity-participants"
        label="Participants (one a line)"
        rows={2}
        value={participants}
        onChange={setParticipants}
        error={errors.participants}
      />
      <div className="form-actions">
        <button type="submit" disabled={log.isPending}>
          Log activity
        </button>
        <span role="status" className="save-status">
          {logged && 'Activity logged.'}
        </span>
      </div>
      <SaveError save={log} fields={['occurredOn', 'kind', 'summary', 'participants']} />
    </form>
  );
}
