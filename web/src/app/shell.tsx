import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useNotifications } from '../api/brokering';
import { api } from '../api/client';
import { useSession } from '../api/session';
import type { User } from '../api/types';
import { ErrorState, Loading, Refused } from '../components/states';

function navigationFor(user: User): Array<{ to: string; label: string }> {
  if (user.role === 'city_official' && user.memberId) {
    return [
      { to: `/members/${user.memberId}`, label: 'My city' },
      { to: `/members/${user.memberId}/suggestions`, label: 'Suggestions' },
      { to: `/members/${user.memberId}/partnerships`, label: 'Partnerships' },
    ];
  }
  return [
    { to: '/network', label: 'Network' },
    { to: '/board', label: 'Board' },
    { to: '/partnerships', label: 'Partnerships' },
    { to: '/members', label: 'Members' },
    { to: '/matches', label: 'Network matches' },
    { to: '/interests', label: 'Interests' },
    { to: '/operations', label: 'Operations' },
  ];
}

/** The notifications link, with how many are unread (checked again every minute). */
function NotificationsLink({ user }: { user: User }) {
  const unread = useNotifications(user, true, 60_000);
  const count = unread.data?.length ?? 0;
  return (
    <NavLink to="/notifications" end>
      Notifications
      {count > 0 && (
        <span className="badge" data-testid="unread-count">
          {count}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </NavLink>
  );
}

/** Moves focus to the page's heading after each navigation, so screen readers announce the new page. */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
}

export function Shell() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useFocusOnNavigation();
  const signOut = useMutation({
    mutationFn: () => api.DELETE('/api/v1/auth/session'),
    onSuccess: () => {
      queryClient.clear();
      navigate('/sign-in');
    },
  });

  if (session.isPending) return <Loading what="your account" />;
  if (session.isError) return <ErrorState error={session.error} retry={() => session.refetch()} />;
  const user = session.data;
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <NavLink to="/" className="brand">
          CityMatch
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {navigationFor(user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {item.label}
                </NavLink>
              </li>
            ))}
            <li>
              <NotificationsLink user={user} />
            </li>
          </ul>
        </nav>
        <div className="account">
          <span title={user.email}>{user.name}</span>
          <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <Outlet context={user} />
      </main>
    </>
  );
}

/** Pages for the secretariat only: an official who follows a link there is told, not left guessing. */
export function RequireRole({ role }: { role: User['role'] }) {
  const session = useSession();
  const user = session.data;
  if (!user) return null;
  if (user.role !== role) return <Refused what="This page is for the secretariat." />;
  return <Outlet context={user} />;
}
