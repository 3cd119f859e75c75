import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useBoard, useDigestWeeks } from '../api/brokering';
import { api, unwrap } from '../api/client';
import type { MembersPage } from '../api/types';
import { StageTable } from '../components/stage-table';
import { Empty, ErrorState, Loaded, Loading } from '../components/states';
import { Time } from '../components/time';
import { SUBREGIONS } from './suggestion-filters';
import { ColumnHeadings, figures, ScrollingTable } from '../components/data-table';

const count = new Intl.NumberFormat();
const PartnershipsMap = lazy(() => import('../map/partnerships-map'));

/** Partnerships per stage, each linked to the list of them. */
function StagesPanel() {
  const board = useBoard();
  return (
    <div className="panel">
      <h2>Partnerships per stage</h2>
      <Loaded query={board} what="partnerships">
        {(counts) => <StageTable board={counts} />}
      </Loaded>
      <p>
        <Link to="/board">Open the brokering board</Link>
      </p>
    </div>
  );
}

/** Last week's digests: how many were due, sent, failed, queued or skipped. */
function DigestsPanel() {
  const weeks = useDigestWeeks(4);
  return (
    <div className="panel">
      <h2>Weekly digests</h2>
      <Loaded query={weeks} what="digest figures">
        {(digests) =>
          digests.length === 0 ? (
            <p>No digest has been sent yet: they go out each week at each user's chosen day and hour.</p>
          ) : (
            <ScrollingTable columns={['Week', ...figures('Recipients', 'Sent', 'Failed', 'Queued', 'Skipped')]}>
              {digests.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{week.week}</th>
                  <td className="number">{count.format(week.recipients)}</td>
                  <td className="number">{count.format(week.sent)}</td>
                  <td className="number">{count.format(week.failed)}</td>
                  <td className="number">{count.format(week.queued)}</td>
                  <td className="number">{count.format(Object.values(week.skipped).reduce((sum, n) => sum + n, 0))}</td>
                </tr>
              ))}
            </ScrollingTable>
          )
        }
      </Loaded>
    </div>
  );
}

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
        <Loaded query={status} what="the recompute status">
          {(recompute) =>
            recompute.current ? (
              <p>
                Generation {recompute.current.id}, {count.format(recompute.current.memberCount)} members
                {recompute.current.finishedAt && (
                  <>
                    , computed <Time iso={recompute.current.finishedAt} />
                  </>
                )}
                {recompute.building && ' (a new generation is being computed)'}. <Link to="/matches">See the best unbrokered pairs</Link>.
              </p>
            ) : (
              <p>
                The first suggestions are being computed. <Link to="/operations">Follow the progress</Link>.
              </p>
            )
          }
        </Loaded>
      </div>
      <div className="panel">
        <h2>Active members per subregion</h2>
        {rows.length === 0 ? (
          <Empty title="No active members yet.">
            <p>
              Import them from a file on the <Link to="/members">Members</Link> page.
            </p>
          </Empty>
        ) : (
          <table className="bars">
            <ColumnHeadings columns={['Subregion', ...figures('Members'), { label: <span className="visually-hidden">Share</span> }]} />
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
        )}
      </div>
      <StagesPanel />
      <div className="panel">
        <h2>Partnerships on the map</h2>
        <Suspense fallback={<Loading what="the map" />}>
          <PartnershipsMap />
        </Suspense>
      </div>
      <DigestsPanel />
    </section>
  );
}
