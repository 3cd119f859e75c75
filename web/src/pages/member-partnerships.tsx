import { Link, useParams } from 'react-router';
import { useMember } from '../api/queries';
import { useMemberPartnerships, useMemberProfiles } from '../api/brokering';
import { Day, StageBadge } from '../components/stage';
import { Empty, Loaded } from '../components/states';

/** An official's partnerships: each with the other city, its stage and its next step. */
export default function MemberPartnershipsPage() {
  const { id = '' } = useParams();
  const member = useMember(id);
  const partnerships = useMemberPartnerships(id);
  const items = partnerships.data?.items ?? [];
  const others = useMemberProfiles(items.map((p) => (p.memberA === id ? p.memberB : p.memberA)));
  const name = member.data?.name ?? 'your city';
  return (
    <section>
      <h1 tabIndex={-1}>Partnerships of {name}</h1>
      <Loaded query={partnerships} what="partnerships">
        {() =>
          items.length === 0 ? (
            <Empty title="No partnerships yet.">
              <p>
                A partnership opens when two cities are interested in each other: mark{' '}
                <Link to={`/members/${id}/suggestions`}>the suggestions</Link> that interest {name}.
              </p>
            </Empty>
          ) : (
            <ul className="cards">
              {items.map((p) => {
                const otherId = p.memberA === id ? p.memberB : p.memberA;
                const other = others.get(otherId);
                return (
                  <li key={p.id} className="card">
                    <h2>
                      <Link to={`/partnerships/${p.id}`}>With {other ? `${other.name}, ${other.country}` : otherId}</Link>
                    </h2>
                    <p className="meta">
                      <StageBadge stage={p.stage} /> · {p.kind}
                      {p.themes.length > 0 && ` · ${p.themes.join(', ')}`}
                    </p>
                    <p>
                      Next step: {p.nextStep ?? 'none recorded yet'}
                      {p.nextStepDue && (
                        <>
                          {' '}
                          (due <Day date={p.nextStepDue} />)
                        </>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
