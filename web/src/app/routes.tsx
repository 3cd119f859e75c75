import { createBrowserRouter, Navigate } from 'react-router';
import { queryClient } from '../api/query-client';
import { sessionQuery, useSession } from '../api/session';
import { Loading } from '../components/states';
import { prefetchSuggestionsPage } from '../pages/suggestions-query';
import { RouteError } from './route-error';
import { RequireRole, Shell } from './shell';

/** Each page is its own chunk: the first load carries the shell only. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });
/**
 * Loaders start requests alongside a page's code instead of after it, and return at once: the page
 * reads the answers from the query cache and shows its own loading and error states.
 */
const startSession = () => {
  queryClient.ensureQueryData(sessionQuery).catch(() => undefined);
  return null;
};

function Home() {
  const session = useSession();
  if (session.isPending) return <Loading what="your account" />;
  const user = session.data;
  if (!user) return <Navigate to="/sign-in" replace />;
  return <Navigate to={user.role === 'city_official' && user.memberId ? `/members/${user.memberId}` : '/network'} replace />;
}

export const router = createBrowserRouter([
  { path: '/sign-in', lazy: page(() => import('../pages/sign-in')), errorElement: <RouteError /> },
  {
    element: <Shell />,
    errorElement: <RouteError />,
    loader: startSession,
    children: [
      { index: true, element: <Home /> },
      { path: 'members/:id', lazy: page(() => import('../pages/my-city')) },
      {
        path: 'members/:id/suggestions',
        loader: ({ params, request }) => {
          prefetchSuggestionsPage(queryClient, params.id ?? '', request.url);
          return null;
        },
        lazy: page(() => import('../pages/suggestions')),
      },
      { path: 'members/:id/partnerships', lazy: page(() => import('../pages/member-partnerships')) },
      { path: 'partnerships/:id', lazy: page(() => import('../pages/partnership')) },
      { path: 'notifications', lazy: page(() => import('../pages/notifications')) },
      {
        element: <RequireRole role="secretariat" />,
        children: [
          { path: 'network', lazy: page(() => import('../pages/network')) },
          { path: 'board', lazy: page(() => import('../pages/board')) },
          { path: 'partnerships', lazy: page(() => import('../pages/partnerships-list')) },
          { path: 'interests', lazy: page(() => import('../pages/interests')) },
          { path: 'members', lazy: page(() => import('../pages/members')) },
          { path: 'matches', lazy: page(() => import('../pages/matches')) },
          { path: 'operations', lazy: page(() => import('../pages/operations')) },
        ],
      },
      { path: '*', lazy: page(() => import('../pages/not-found')) },
    ],
  },
]);
