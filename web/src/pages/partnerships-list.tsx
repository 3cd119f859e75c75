import { Link } from 'react-router';
import { type PartnershipFilters, useMemberProfiles, usePartnerships } from '../api/brokering';
import { useThemes } from '../api/queries';
import { PARTNERSHIP_KINDS, STAGES, type Stage } from '../api/types';
import { Day, pairName, STAGE_LABELS, StageBadge } from '../components/stage';
import { Empty, ErrorState, Loading } from '../components/states';
import { Time } from '../components/time';
import { SUBREGIONS } from './suggestion-filters';
import { useListParams } from '../components/list-params';
import { Pager } from '../components/pager';

const PAGE_SIZE = 25;
type Filter = 'stage' | 'member' | 'theme' | 'subregion' | 'kind' | 'owner' | 'flag' | 'sort';

function filtersFrom(params: URLSearchParams): PartnershipFilters {
  const query: PartnershipFilters = { limit: PAGE_SIZE, offset: Math.max(0, Number(params.get('offset')) || 0) };
  const stage = params.get('stage');
  if (stage && STAGES.includes(stage as Stage)) query.stage = stage as Stage;
  for (const name of ['member', 'theme', 'subregion', 'owner'] as const) if (params.get(name)) query[name] = params.get(name)!;
  const kind = params.get('kind');
  if (kind && PARTNERSHIP_KINDS.includes(kind as never)) query.kind = kind as PartnershipFilters['kind'];
  if (params.get('flag') === 'stalled') query.stalled = true;
  if (params.get('flag') === 'dormant') query.dormant = true;
  const sort = params.get('sort');
  if (sort === 'opened' || sort === 'stage-changed' || sort === 'score') query.sort = sort;
  return query;
}

/** Every partnership, filtered and sorted by the URL, a page at a time; the same view as CSV. */
export default function PartnershipsListPage() {
  const [params, set] = useListParams<Filter>({ pageHistory: false });
  const themes = useThemes();
  const filters = filtersFrom(params);
  const list = usePartnerships(filters);
  const items = list.data?.items ?? [];
  const names = useMemberProfiles(items.flatMap((p) => [p.memberA, p.memberB]));
  const csvQuery = new URLSearchParams(
    Object.entries({ ...filters, format: 'csv', limit: 1000, offset: 0 }).map(([key, value]) => [key, String(value)]),
  );
  const offset = filters.offset ?? 0;
  return (
    <section aria-busy={list.isFetching}>
      <h1 tabIndex={-1}>Partnerships</h1>
      <form className="filters" aria-label="Filter partnerships" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-stage">Stage</label>
          <select id="filter-stage" value={params.get('stage') ?? ''} onChange={(e) => set('stage', e.target.value)}>
            <option value="">Any stage</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-flag">Needs attention</label>
          <select id="filter-flag" value={params.get('flag') ?? ''} onChange={(e) => set('flag', e.target.value)}>
            <option value="">All</option>
            <option value="stalled">Stalled</option>
            <option value="dormant">Dormant</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-theme">Theme</label>
          <select id="filter-theme" value={params.get('theme') ?? ''} onChange={(e) => set('theme', e.target.value)}>
            <option value="">Any theme</option>
            {themes.data?.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {theme.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-subregion">Subregion</label>
          <select id="filter-subregion" value={params.get('subregion') ?? ''} onChange={(e) => set('subregion', e.target.value)}>
            <option value="">Any subregion</option>
            {SUBREGIONS.map((subregion) => (
              <option key={subregion}>{subregion}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kind">Kind</label>
          <select id="filter-kind" value={params.get('kind') ?? ''} onChange={(e) => set('kind', e.target.value)}>
            <option value="">Any kind</option>
            {PARTNERSHIP_KINDS.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-member">Member id</label>
          <input id="filter-member" defaultValue={params.get('member') ?? ''} onBlur={(e) => set('member', e.target.value.trim())} />
        </div>
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <input id="filter-owner" defaultValue={params.get('owner') ?? ''} onBlur={(e) => set('owner', e.target.value.trim())} />
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" value={params.get('sort') ?? ''} onChange={(e) => set('sort', e.target.value)}>
            <option value="">Last updated</option>
            <option value="opened">Opened</option>
            <option value="stage-changed">Last stage change</option>
            <option value="score">Match score</option>
          </select>
        </div>
      </form>
      <p>
        <a href={`/api/v1/partnerships?${csvQuery}`} download="partnerships.csv">
          Download these partnerships as CSV
        </a>
      </p>
      {list.isPending ? (
        <Loading what="partnerships" />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No partnership matches these filters.">
          <p>
            Clear a filter, or open a partnership from the <Link to="/matches">network matches</Link>.
          </p>
        </Empty>
      ) : (
        <>
          <p className="result-count">
            {list.data.total} partnerships, {offset + 1}–{offset + items.length} shown
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Partners</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Next step</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/partnerships/${p.id}`}>{pairName(p, names)}</Link>
                    </td>
                    <td>
                      <StageBadge stage={p.stage} />
                    </td>
                    <td>{p.kind}</td>
                    <td>{p.owner ?? '—'}</td>
                    <td>
                      {p.nextStep ?? '—'}
                      {p.nextStepDue && (
                        <>
                          {' '}
                          (<Day date={p.nextStepDue} />)
                        </>
                      )}
                    </td>
                    <td>
                      <Time iso={p.updatedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Pages of partnerships"
            offset={offset}
            pageSize={PAGE_SIZE}
            hasNext={offset + items.length < list.data.total}
            goTo={(next) => set('offset', String(next))}
          />
        </>
      )}
    </section>
  );
}
