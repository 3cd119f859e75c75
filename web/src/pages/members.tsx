import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { type MemberFilters, useMembers, useThemes } from '../api/queries';
import { Empty, ErrorState, Loading } from '../components/states';
import { MembersImport } from './members-import';
import { SUBREGIONS } from './suggestion-filters';
import { paramBinding, useListParams } from '../components/list-params';
import { Pager } from '../components/pager';
import { type Choice, themeChoices } from '../components/choices';
import { FilterInput, FilterSelect } from '../components/filter-fields';
import { ScrollingTable } from '../components/data-table';

const PAGE_SIZE = 25;
const STATUSES: Choice[] = [
  ['active', 'Active'],
  ['inactive', 'Inactive'],
];
const population = new Intl.NumberFormat();

function download(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const anchor = Object.assign(document.createElement('a'), { href: url, download: name });
  anchor.click();
  URL.revokeObjectURL(url);
}

export default function MembersPage() {
  const [params, set] = useListParams({ pageHistory: true });
  const themes = useThemes();
  const bind = (name: string) => paramBinding(params, set, name);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const filters: MemberFilters = { limit: PAGE_SIZE, offset };
  for (const name of ['q', 'subregion', 'needs', 'offers', 'status'] as const) {
    const value = params.get(name);
    if (value) (filters as Record<string, string>)[name] = value;
  }
  const members = useMembers(filters);
  const exporter = useMutation({
    mutationFn: async () => download('citymatch-members.json', JSON.stringify(unwrap(await api.GET('/api/v1/members/export')), null, 2)),
  });
  const page = members.data;
  return (
    <section>
      <h1 tabIndex={-1}>Members</h1>
      <form className="filters" role="search" aria-label="Search members" onSubmit={(event) => event.preventDefault()}>
        <FilterInput
          id="member-q"
          label="Name"
          type="search"
          defaultValue={params.get('q') ?? ''}
          onChange={(event) => set('q', event.target.value.trim())}
        />
        <FilterSelect id="member-subregion" label="Subregion" any="Any subregion" choices={SUBREGIONS} {...bind('subregion')} />
        <FilterSelect id="member-needs" label="Needs" any="Any theme" choices={themeChoices(themes.data)} {...bind('needs')} />
        <FilterSelect id="member-status" label="Status" any="Any status" choices={STATUSES} {...bind('status')} />
      </form>
      {members.isError ? (
        <ErrorState error={members.error} retry={() => members.refetch()} />
      ) : !page ? (
        <Loading what="members" />
      ) : page.items.length === 0 ? (
        <Empty title="No member matches this search.">
          <p>Check the spelling, or clear a filter.</p>
        </Empty>
      ) : (
        <>
          <ScrollingTable
            columns={['Name', 'Country', 'Subregion', { label: 'Population', numeric: true }, 'Status']}
            busy={members.isFetching}
            caption={
              <>
                Members {offset + 1}–{offset + page.items.length} of {population.format(page.total)}
              </>
            }
          >
            {page.items.map((member) => (
              <tr key={member.id}>
                <td>
                  <Link to={`/members/${member.id}`}>{member.name}</Link>
                </td>
                <td>{member.country}</td>
                <td>{member.subregion}</td>
                <td className="number">{population.format(member.population)}</td>
                <td>{member.status}</td>
              </tr>
            ))}
          </ScrollingTable>
          <Pager
            label="Pages of members"
            offset={offset}
            pageSize={PAGE_SIZE}
            hasNext={offset + PAGE_SIZE < page.total}
            goTo={(next) => set('offset', String(next))}
          />
        </>
      )}
      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">Export members</h2>
        <button type="button" onClick={() => exporter.mutate()} disabled={exporter.isPending}>
          {exporter.isPending ? 'Preparing…' : 'Download all members (JSON)'}
        </button>
        {exporter.isError && (
          <p role="alert" className="field-error">
            {exporter.error.message}
          </p>
        )}
      </section>
      <MembersImport />
    </section>
  );
}
