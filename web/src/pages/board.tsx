import { Link } from 'react-router';
import { useBoard, useMemberProfiles } from '../api/brokering';
import { STAGES, type BoardEntry } from '../api/types';
import { pairName, STAGE_LABELS } from '../components/stage';
import { StageTable } from '../components/stage-table';
import { Empty, ErrorState, Loading } from '../components/states';
import { Time } from '../components/time';

const count = new Intl.NumberFormat();
const share = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

function EntryList({
  title,
  entries,
  empty,
  names,
}: {
  title: string;
  entries: BoardEntry[];
  empty: string;
  names: Map<string, { name: string }>;
}) {
  return (
    <div className="panel">
      <h2>{title}</h2>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              <Link to={`/partnerships/${entry.id}`}>{pairName(entry, names)}</Link>
              {entry.stage && ` · ${STAGE_LABELS[entry.stage]}`} · since <Time iso={entry.since} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The secretariat's brokering board: where every partnership stands and which ones need a push. */
export default function BoardPage() {
  const board = useBoard();
  const flagged = [...(board.data?.stalled ?? []), ...(board.data?.dormant ?? [])].slice(0, 60);
  const names = useMemberProfiles(flagged.flatMap((entry) => [entry.memberA, entry.memberB]));
  if (board.isPending) return <Loading what="the brokering board" />;
  if (board.isError) return <ErrorState error={board.error} retry={() => board.refetch()} />;
  const b = board.data;
  const total = STAGES.reduce((sum, stage) => sum + (b.stages[stage] ?? 0), 0);
  return (
    <section>
      <h1 tabIndex={-1}>Brokering board</h1>
      <p>
        <Link to="/partnerships">All partnerships, with filters and CSV export</Link> · <Link to="/interests">All interests</Link>
      </p>
      {total === 0 ? (
        <Empty title="No partnerships yet.">
          <p>
            Open one from the <Link to="/matches">network matches</Link>, or wait for two members to be interested in each other.
          </p>
        </Empty>
      ) : (
        <>
          <div className="panel">
            <h2>Partnerships per stage</h2>
            <StageTable board={b} withMedian />
            <p>
              Opened in the last 12 months: {count.format(b.openedLast12Months.opened)}, of which{' '}
              {count.format(b.openedLast12Months.reachedAgreement)} reached an agreement
              {b.openedLast12Months.share !== null && ` (${share.format(b.openedLast12Months.share)})`}.
            </p>
          </div>
          <div className="side-by-side">
            <EntryList
              title={`Stalled (${b.stalled.length})`}
              entries={b.stalled}
              names={names}
              empty="Nothing stalled: every early-stage partnership moved in the last 60 days."
            />
            <EntryList title={`Dormant (${b.dormant.length})`} entries={b.dormant} names={names} empty="No dormant partnership." />
          </div>
          <div className="side-by-side">
            <div className="panel">
              <h2>Per theme</h2>
              <ul>
                {b.themes.map((row) => (
                  <li key={row.theme}>
                    <Link to={`/partnerships?theme=${encodeURIComponent(row.theme)}`}>{row.theme}</Link>: {count.format(row.count)}
                  </li>
                ))}
              </ul>
            </div>
            <div className="panel">
              <h2>Per subregion</h2>
              <ul>
                {b.subregions.map((row) => (
                  <li key={row.subregion}>
                    <Link to={`/partnerships?subregion=${encodeURIComponent(row.subregion)}`}>{row.subregion}</Link>:{' '}
                    {count.format(row.count)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
