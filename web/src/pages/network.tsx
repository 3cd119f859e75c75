import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { MembersPage } from '../api/types';
import { ErrorState, Loading } from '../components/states';
import { Time } from '../components/time';
import { SUBREGIONS } from './suggestion-filters';

const count = new Intl.NumberFormat();

interface Generation {
  id: number;
  state: string;
  memberCount: number;
  finishedAt: string | null;
}

/** The network at a glance: members per subregion and the state of the suggestions. */
export default function NetworkPage() {
  const perSubregion = useQueries({
    queries: SUBREGIONS.map((subregion) => ({
      queryKey: ['members', { subregion, limit: 1, status: 'active' }],
      queryFn: async () =>
        unwrap(
          await api.GET('/api/v1/members', { params: { query: { subregion, limit: 1, status: 'active' } } }),
        ) as unknown as MembersPage,
    })),
  });
  const status = useQuery({
    queryKey: ['recompute-status'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/recompute/status')) as unknown as { current: Generation | null; building: Generation | null },
  });
  const failed = perSubregion.find((query) => query.isError);
  if (failed) return <ErrorState error={failed.error} retry={() => failed.refetch()} />;
  const rows = SUBREGIONS.map((subregion, index) => ({ subregion, total: perSubregion[index].data?.total })).filter(
    (row) => row.total !== 0,
  );
  const largest = Math.max(1, ...rows.map((row) => row.total ?? 0));
  return (
    <section>
      <h1 tabIndex={-1}>Network</h1>
      <div className="panel">
        <h2>Suggestions</h2>
        {status.isPending ? (
          <Loading what="the recompute status" />
        ) : status.isError ? (
          <ErrorState error={status.error} retry={() => status.refetch()} />
        ) : status.data.current ? (
          <p>
            Generation {status.data.current.id}, {count.format(status.data.current.memberCount)} members
            {status.data.current.finishedAt && (
              <>
                , computed <Time iso={status.data.current.finishedAt} />
              </>
            )}
            {status.data.building && ' (a new generation is being computed)'}. <Link to="/matches">See the best unbrokered pairs</Link>.
          </p>
        ) : (
          <p>
            The first suggestions are being computed. <Link to="/operations">Follow the progress</Link>.
          </p>
        )}
      </div>
      <div className="panel">
        <h2>Active members per subregion</h2>
        <table className="bars">
          <thead>
            <tr>
              <th scope="col">Subregion</th>
              <th scope="col" className="number">
                Members
              </th>
              <th scope="col">
                <span className="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.subregion}>
                <th scope="row">
                  <Link to={`/members?subregion=${encodeURIComponent(row.subregion)}`}>{row.subregion}</Link>
                </th>
                <td className="number">{row.total === undefined ? '…' : count.format(row.total)}</td>
                <td aria-hidden="true">
                  <svg className="bar" viewBox="0 0 100 8" preserveAspectRatio="none">
                    <rect width={((row.total ?? 0) / largest) * 100} height="8" className="score-fill" />
                  </svg>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
