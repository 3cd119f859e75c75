import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { type MemberFilters, useMembers, useThemes } from '../api/queries';
import { Empty, ErrorState, Loading } from '../components/states';
import { MembersImport } from './members-import';
import { SUBREGIONS } from './suggestion-filters';
import { useListParams } from '../components/list-params';
import { Pager } from '../components/pager';

const PAGE_SIZE = 25;
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
        <div className="field">
          <label htmlFor="member-q">Name</label>
          <input
            id="member-q"
            type="search"
            defaultValue={params.get('q') ?? ''}
            onChange={(event) => set('q', event.target.value.trim())}
          />
        </div>
        <div className="field">
          <label htmlFor="member-subregion">Subregion</label>
          <select id="member-subregion" value={params.get('subregion') ?? ''} onChange={(event) => set('subregion', event.target.value)}>
            <option value="">Any subregion</option>
            {SUBREGIONS.map((subregion) => (
              <option key={subregion}>{subregion}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="member-needs">Needs</label>
          <select id="member-needs" value={params.get('needs') ?? ''} onChange={(event) => set('needs', event.target.value)}>
            <option value="">Any theme</option>
            {themes.data?.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {theme.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="member-status">Status</label>
          <select id="member-status" value={params.get('status') ?? ''} onChange={(event) => set('status', event.target.value)}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </div>
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
          <div className="table-scroll">
            <table aria-busy={members.isFetching}>
              <caption>
                Members {offset + 1}–{offset + page.items.length} of {population.format(page.total)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Country</th>
                  <th scope="col">Subregion</th>
                  <th scope="col" className="number">
                    Population
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
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
