import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { KEYS } from '../api/brokering';
import { api, unwrap } from '../api/client';
import { ACTIVITY_KINDS, type Partnership } from '../api/types';
import { FieldError, fieldErrors } from '../components/field-errors';
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
  const save = useSavePartnership(partnership.id);
  const [occurredOn, setOccurredOn] = useState(today());
  const [kind, setKind] = useState<(typeof ACTIVITY_KINDS)[number]>('meeting');
  const [summary, setSummary] = useState('');
  const [participants, setParticipants] = useState('');
  const [logged, setLogged] = useState(false);
  const log = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/partnerships/{id}/activities', {
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
      ) as unknown as Partnership,
    onSuccess: (saved) => {
      setSummary('');
      setParticipants('');
      setLogged(true);
      return save(saved);
    },
  });
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
      <label htmlFor="activity-date">Date</label>
      <input
        id="activity-date"
        type="date"
        value={occurredOn}
        max={today()}
        onChange={(e) => setOccurredOn(e.target.value)}
        aria-invalid={Boolean(errors.occurredOn)}
        aria-describedby="activity-date-error"
      />
      <FieldError id="activity-date-error" message={errors.occurredOn} />
      <label htmlFor="activity-kind">Kind</label>
      <select id="activity-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        {ACTIVITY_KINDS.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <FieldError id="activity-kind-error" message={errors.kind} />
      <label htmlFor="activity-summary">Summary</label>
      <textarea
        id="activity-summary"
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        aria-invalid={Boolean(errors.summary)}
        aria-describedby="activity-summary-error"
      />
      <FieldError id="activity-summary-error" message={errors.summary} />
      <label htmlFor="activity-participants">Participants (one a line)</label>
      <textarea
        id="activity-participants"
        rows={2}
        value={participants}
        onChange={(e) => setParticipants(e.target.value)}
        aria-invalid={Boolean(errors.participants)}
        aria-describedby="activity-participants-error"
      />
      <FieldError id="activity-participants-error" message={errors.participants} />
      <div className="form-actions">
        <button type="submit" disabled={log.isPending}>
          Log activity
        </button>
        <span role="status" className="save-status">
          {logged && 'Activity logged.'}
        </span>
      </div>
      {log.isError && !Object.keys(errors).length && (
        <p role="alert" className="field-error">
          {log.error.message}
        </p>
      )}
    </form>
  );
}
