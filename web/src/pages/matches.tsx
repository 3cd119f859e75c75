import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { useNetworkMatches, useThemes } from '../api/queries';
import type { NetworkMatch, Partnership } from '../api/types';
import { ScoreBar } from '../components/score-bar';
import { StageBadge } from '../components/stage';
import { Empty, Loaded } from '../components/states';
import { MATCH_FILTER_NAMES, MatchFilters, type MatchFilterValues, matchQueryOf } from './match-filters';
import { useListParams } from '../components/list-params';
import { Pager } from '../components/pager';

const PAGE_SIZE = 50;
const count = new Intl.NumberFormat();

/** The best mutual pairs across the network that are not yet partners, for the secretariat to broker. */
export default function MatchesPage() {
  const [params, set] = useListParams({ pageHistory: true });
  const values = Object.fromEntries(MATCH_FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as MatchFilterValues;
  const filters = matchQueryOf(values);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const matches = useNetworkMatches({ ...filters, limit: PAGE_SIZE, offset });
  const themes = useThemes();
  // A filter's change starts again at the first page; paging keeps a history entry per page.
  const filtered = Object.keys(filters).length > 0;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: async (match: NetworkMatch) => {
      const [a, b] = match.members;
      try {
        return (
          unwrap(
            await api.POST('/api/v1/partnerships', { body: { memberA: a.id, memberB: b.id, kind: 'twinning' } }),
          ) as unknown as Partnership
        ).id;
      } catch (error) {
        // Someone opened it meanwhile: the answer points to it, and that is where to go.
        const existing =
          error instanceof ApiError && error.status === 409 ? (error.body as { partnershipId?: string }).partnershipId : undefined;
        if (existing) return existing;
        throw error;
      }
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      await queryClient.invalidateQueries({ queryKey: ['matches'] });
      navigate(`/partnerships/${id}`);
    },
  });
  return (
    <section>
      <h1 tabIndex={-1}>Network matches</h1>
      <p className="hint">The strongest pairs of members that are not partners yet, scored both ways.</p>
      <MatchFilters values={values} themes={themes.data ?? []} onChange={set} />
      {open.isError && (
        <p role="alert" className="field-error">
          {open.error.message}
        </p>
      )}
      <Loaded query={matches} what="network matches">
        {(found) =>
          found.matches.length === 0 ? (
            filtered || offset > 0 ? (
              <Empty title="No pair matches these filters.">
                <p>Clear a filter, or lower the minimum fit.</p>
              </Empty>
            ) : (
              <Empty title="No matches yet.">
                <p>Matches appear once members have recorded needs and offers and the suggestions are computed.</p>
              </Empty>
            )
          ) : (
            <>
              <p role="status">
                Pairs {count.format(offset + 1)}–{count.format(offset + found.matches.length)} of {count.format(found.total)}
              </p>
              <ol className="cards" aria-busy={matches.isFetching}>
                {found.matches.map((match) => {
                  const [a, b] = match.members;
                  // The API says whether the pair has an open partnership (then `open` is null); declined and ended ones may be opened again.
                  const existing = match.open === null ? match.partnership : null;
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
                      <div className="card-actions">
                        {existing ? (
                          <Link to={`/partnerships/${existing.id}`}>
                            Partnership at <StageBadge stage={existing.stage} />
                            <span className="visually-hidden">
                              {' '}
                              of {a.name} and {b.name}
                            </span>
                          </Link>
                        ) : (
                          <button type="button" onClick={() => open.mutate(match)} disabled={open.isPending}>
                            Open partnership
                            <span className="visually-hidden">
                              {' '}
                              of {a.name} and {b.name}
                            </span>
                          </button>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ol>
              <Pager
                label="Pages of network matches"
                offset={offset}
                pageSize={PAGE_SIZE}
                hasNext={offset + PAGE_SIZE < found.total}
                goTo={(next) => set('offset', String(next))}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
