import { Link } from 'react-router';
import { useAllInterests, useMemberProfiles } from '../api/brokering';
import { Empty, Loaded } from '../components/states';
import { Time } from '../components/time';
import { paramBinding, useListParams } from '../components/list-params';
import { Pager } from '../components/pager';
import type { Choice } from '../components/choices';
import { FilterSelect } from '../components/filter-fields';
import { ScrollingTable } from '../components/data-table';

const PAGE_SIZE = 50;
const MUTUAL: Choice[] = [
  ['false', 'One-sided only'],
  ['true', 'Mutual only'],
];

/** Every interest in the network, one-sided too: only the secretariat sees who waits for an answer. */
export default function InterestsPage() {
  const [params, set] = useListParams({ pageHistory: false });
  const mutualParam = params.get('mutual');
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = {
    limit: PAGE_SIZE,
    offset,
    ...(mutualParam === 'true' || mutualParam === 'false' ? { mutual: mutualParam === 'true' } : {}),
  };
  const interests = useAllInterests(query);
  const items = interests.data ?? [];
  const names = useMemberProfiles(items.flatMap((i) => [i.memberId, i.candidateId]));
  const name = (id: string) => names.get(id)?.name ?? id;
  return (
    <section aria-busy={interests.isFetching}>
      <h1 tabIndex={-1}>Interests</h1>
      <p className="hint">Members see only the interest they sent and mutual ones; here are all, one-sided too.</p>
      <form className="filters" aria-label="Filter interests" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="interests-mutual" label="Show" any="All interests" choices={MUTUAL} {...paramBinding(params, set, 'mutual')} />
      </form>
      <Loaded query={interests} what="interests">
        {() =>
          items.length === 0 ? (
            <Empty title="No interests here.">
              <p>Officials mark interest on their suggestions; those appear here as they come.</p>
            </Empty>
          ) : (
            <>
              <ScrollingTable columns={['Member', 'Interested in', 'State', 'Since']}>
                {items.map((i) => (
                  <tr key={`${i.memberId}-${i.candidateId}`}>
                    <td>
                      <Link to={`/members/${i.memberId}`}>{name(i.memberId)}</Link>
                    </td>
                    <td>
                      <Link to={`/members/${i.candidateId}`}>{name(i.candidateId)}</Link>
                    </td>
                    <td>{i.mutual ? 'Mutual' : 'One-sided'}</td>
                    <td>
                      <Time iso={i.createdAt} />
                    </td>
                  </tr>
                ))}
              </ScrollingTable>
              <Pager
                label="Pages of interests"
                offset={offset}
                pageSize={PAGE_SIZE}
                hasNext={items.length === PAGE_SIZE}
                goTo={(next) => set('offset', String(next))}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
