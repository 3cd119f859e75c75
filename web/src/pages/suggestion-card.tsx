import { Link } from 'react-router';
import type { Suggestion } from '../api/types';
import { ScoreBar } from '../components/score-bar';
import { ColumnHeadings } from '../components/data-table';

/** Where this member stands with the candidate: nothing yet, interest sent, or interest on both sides. */
export type InterestState = { state: 'none' } | { state: 'sent' } | { state: 'mutual'; partnershipId: string | null };

const COMPONENTS: Record<string, string> = {
  thematic: 'Needs met by offers',
  shared: 'Shared needs',
  population: 'Similar size',
  geo: 'Distance',
  language: 'Common language',
};
const population = new Intl.NumberFormat();
const percent = (value: number) => `${Math.round(value * 100)}`;

/** One candidate: the score, the reasons in plain words, the components on demand, and what to do. */
export function SuggestionCard({
  suggestion,
  memberName,
  onDismiss,
  busy,
  interest,
  onInterested,
  onWithdraw,
}: {
  suggestion: Suggestion;
  memberName: string;
  onDismiss: () => void;
  busy: boolean;
  interest: InterestState;
  onInterested: () => void;
  onWithdraw: () => void;
}) {
  const explanation = suggestion.explanation;
  const headingId = `suggestion-${suggestion.memberId}`;
  return (
    <li className="card suggestion" aria-labelledby={headingId}>
      <div className="card-head">
        <h3 id={headingId}>
          <span className="rank">{suggestion.rank}.</span> {suggestion.name}, {suggestion.country}
        </h3>
        <ScoreBar score={suggestion.score} label={`Match score for ${suggestion.name}`} />
      </div>
      <p className="meta">
        {suggestion.subregion} · population {population.format(suggestion.population)}
        {explanation && ` · ${population.format(Math.round(explanation.distanceKm))} km away`}
      </p>
      {explanation && (
        <>
          <ul className="reasons">
            {explanation.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <details>
            <summary>How the score is made</summary>
            <table className="components">
              <ColumnHeadings columns={['Component', `For ${memberName}`, `For ${suggestion.name}`]} />
              <tbody>
                {Object.keys(COMPONENTS).map((key) => (
                  <tr key={key}>
                    <th scope="row">{COMPONENTS[key]}</th>
                    <td>{percent(explanation.candidateOffersMember.components[key] ?? 0)}</td>
                    <td>{percent(explanation.memberOffersCandidate.components[key] ?? 0)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Score</th>
                  <td>{percent(explanation.candidateOffersMember.score)}</td>
                  <td>{percent(explanation.memberOffersCandidate.score)}</td>
                </tr>
              </tbody>
            </table>
          </details>
        </>
      )}
      <div className="card-actions">
        {interest.state === 'none' && (
          <button type="button" onClick={onInterested} disabled={busy} aria-describedby={headingId}>
            Interested
          </button>
        )}
        {interest.state === 'sent' && (
          <>
            <span className="interest-state">Interest sent: {suggestion.name} learns of it only if interested too.</span>
            <button type="button" className="secondary" onClick={onWithdraw} disabled={busy} aria-describedby={headingId}>
              Withdraw interest
            </button>
          </>
        )}
        {interest.state === 'mutual' && (
          <span className="interest-state mutual">
            Mutual interest.{' '}
            {interest.partnershipId ? (
              <Link to={`/partnerships/${interest.partnershipId}`}>Open the partnership with {suggestion.name}</Link>
            ) : (
              'The secretariat has been told.'
            )}
          </span>
        )}
        <button type="button" className="secondary" onClick={onDismiss} disabled={busy} aria-describedby={headingId}>
          Not interested
        </button>
      </div>
    </li>
  );
}
