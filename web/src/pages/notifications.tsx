import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useOutletContext } from 'react-router';
import { KEYS, markNotificationsRead, useMemberPartnerships, useMemberProfiles, useNotifications } from '../api/brokering';
import type { Notification, User } from '../api/types';
import { Empty, Loaded } from '../components/states';
import { Time } from '../components/time';

/** The two members a notification is about: named in its data, or those of the official's partnership. */
function membersOf(n: Notification, pairs: Map<string, [string, string]>): string[] {
  const { memberA, memberB } = n.data ?? {};
  if (typeof memberA === 'string' && typeof memberB === 'string') return [memberA, memberB];
  return (n.partnershipId && pairs.get(n.partnershipId)) || [];
}

/** The server's message names members by id; readers know them by name. */
function readable(n: Notification, pairs: Map<string, [string, string]>, names: Map<string, { name: string }>): string {
  return membersOf(n, pairs).reduce((message, id) => message.replaceAll(id, names.get(id)?.name ?? id), n.message);
}

/** What the reader must act on or know about: its member's notifications, or the secretariat's. */
export default function NotificationsPage() {
  const user = useOutletContext<User>();
  const queryClient = useQueryClient();
  const notifications = useNotifications(user);
  const partnerships = useMemberPartnerships(user.memberId ?? '', user.role === 'city_official');
  const pairs = new Map((partnerships.data?.items ?? []).map((p) => [p.id, [p.memberA, p.memberB] as [string, string]]));
  const names = useMemberProfiles((notifications.data ?? []).flatMap((n) => membersOf(n, pairs)));
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(user, ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS.notifications }),
  });
  const unread = notifications.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <section>
      <h1 tabIndex={-1}>Notifications</h1>
      <Loaded query={notifications} what="notifications">
        {(all) =>
          all.length === 0 ? (
            <Empty title="Nothing to report.">
              <p>You are told here of mutual interest, stage changes, milestones coming due and partnerships gone quiet.</p>
            </Empty>
          ) : (
            <>
              <p className="result-count" role="status">
                {unread === 0 ? 'All read.' : `${unread} unread`}
                {unread > 0 && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => markRead.mutate(undefined)} disabled={markRead.isPending}>
                      Mark all read
                    </button>
                  </>
                )}
              </p>
              <ul className="notifications">
                {all.map((n: Notification) => (
                  <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                    <p>
                      {!n.readAt && <strong className="badge">New</strong>} {readable(n, pairs, names)}
                    </p>
                    <p className="meta">
                      <Time iso={n.createdAt} />
                      {n.partnershipId && (
                        <>
                          {' · '}
                          <Link to={`/partnerships/${n.partnershipId}`}>Open the partnership</Link>
                        </>
                      )}
                      {!n.readAt && (
                        <>
                          {' · '}
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => markRead.mutate([n.id])}
                            disabled={markRead.isPending}
                          >
                            Mark read<span className="visually-hidden">: {readable(n, pairs, names)}</span>
                          </button>
                        </>
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
      {markRead.isError && (
        <p role="alert" className="field-error">
          {markRead.error.message}
        </p>
      )}
    </section>
  );
}
