import { Link } from 'react-router';
import { type PartnershipFilters, useMemberProfiles, usePartnerships } from '../api/brokering';
import { useThemes } from '../api/queries';
import { PARTNERSHIP_KINDS, STAGES, type Stage } from '../api/types';
import { Day, pairName, STAGE_LABELS, StageBadge } from '../components/stage';
import { Empty, Loaded } from '../components/states';
import { Time } from '../components/time';
import { SUBREGIONS } from './suggestion-filters';
import { paramBinding, useListParams } from '../components/list-params';
import { Pager } from '../components/pager';
import { type Choice, themeChoices } from '../components/choices';
import { FilterInput, FilterSelect } from '../components/filter-fields';
import { ScrollingTable } from '../components/data-table';

const PAGE_SIZE = 25;
type Filter = 'stage' | 'member' | 'theme' | 'subregion' | 'kind' | 'owner' | 'flag' | 'sort';
const STAGE_CHOICES: Choice[] = STAGES.map((stage) => [stage, STAGE_LABELS[stage]]);
const FLAGS: Choice[] = [
  ['stalled', 'Stalled'],
  ['dormant', 'Dormant'],
];
const SORTS: Choice[] = [
  ['opened', 'Opened'],
  ['stage-changed', 'Last stage change'],
  ['score', 'Match score'],
];

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
  const bind = (name: Filter) => paramBinding(params, set, name);
  // Typed filters apply on leaving them, not on every key.
  const typed = (name: Filter, label: string) => (
    <FilterInput
      id={`filter-${name}`}
      label={label}
      defaultValue={params.get(name) ?? ''}
      onBlur={(e) => set(name, e.target.value.trim())}
    />
  );
  return (
    <section aria-busy={list.isFetching}>
      <h1 tabIndex={-1}>Partnerships</h1>
      <form className="filters" aria-label="Filter partnerships" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect id="filter-stage" label="Stage" any="Any stage" choices={STAGE_CHOICES} {...bind('stage')} />
        <FilterSelect id="filter-flag" label="Needs attention" any="All" choices={FLAGS} {...bind('flag')} />
        <FilterSelect id="filter-theme" label="Theme" any="Any theme" choices={themeChoices(themes.data)} {...bind('theme')} />
        <FilterSelect id="filter-subregion" label="Subregion" any="Any subregion" choices={SUBREGIONS} {...bind('subregion')} />
        <FilterSelect id="filter-kind" label="Kind" any="Any kind" choices={PARTNERSHIP_KINDS} {...bind('kind')} />
        {typed('member', 'Member id')}
        {typed('owner', 'Owner')}
        <FilterSelect id="filter-sort" label="Sort by" any="Last updated" choices={SORTS} {...bind('sort')} />
      </form>
      <p>
        <a href={`/api/v1/partnerships?${csvQuery}`} download="partnerships.csv">
          Download these partnerships as CSV
        </a>
      </p>
      <Loaded query={list} what="partnerships">
        {(page) =>
          items.length === 0 ? (
            <Empty title="No partnership matches these filters.">
              <p>
                Clear a filter, or open a partnership from the <Link to="/matches">network matches</Link>.
              </p>
            </Empty>
          ) : (
            <>
              <p className="result-count">
                {page.total} partnerships, {offset + 1}–{offset + items.length} shown
              </p>
              <ScrollingTable columns={['Partners', 'Stage', 'Kind', 'Owner', 'Next step', 'Updated']}>
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
              </ScrollingTable>
              <Pager
                label="Pages of partnerships"
                offset={offset}
                pageSize={PAGE_SIZE}
                hasNext={offset + items.length < page.total}
                goTo={(next) => set('offset', String(next))}
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
