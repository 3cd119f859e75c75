import { Link } from 'react-router';
import { useNetworkMatches } from '../api/queries';
import { ScoreBar } from '../components/score-bar';
import { Empty, ErrorState, Loading } from '../components/states';

/** The best mutual pairs across the network that are not yet partners, for the secretariat to broker. */
export default function MatchesPage() {
  const matches = useNetworkMatches(50);
  return (
    <section>
      <h1 tabIndex={-1}>Network matches</h1>
      <p className="hint">The strongest pairs of members that are not partners yet, scored both ways.</p>
      {matches.isPending ? (
        <Loading what="network matches" />
      ) : matches.isError ? (
        <ErrorState error={matches.error} retry={() => matches.refetch()} />
      ) : matches.data.matches.length === 0 ? (
        <Empty title="No matches yet.">
          <p>Matches appear once members have recorded needs and offers and the suggestions are computed.</p>
        </Empty>
      ) : (
        <ol className="cards">
          {matches.data.matches.map((match) => {
            const [a, b] = match.members;
            return (
              <li key={`${a.id}-${b.id}`} className="card match">
                <h2 className="pair">
                  <Link to={`/members/${a.id}`}>
                    {a.name}, {a.country}
                  </Link>{' '}
                  and{' '}
                  <Link to={`/members/${b.id}`}>
                    {b.name}, {b.country}
                  </Link>
                </h2>
                <ScoreBar score={match.score} label={`Match score of ${a.name} and ${b.name}`} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
