import { Link, useOutletContext, useParams } from 'react-router';
import { useMember, useThemes } from '../api/queries';
import type { User } from '../api/types';
import { ErrorState, Loading } from '../components/states';
import { MemberUsers } from './member-users';
import { NeedsOffersEditor } from './needs-offers-editor';

const population = new Intl.NumberFormat();

/** A member's page: its profile and the editor of its needs and offers (its own officials and the secretariat). */
export default function MemberPage() {
  const { id = '' } = useParams();
  const user = useOutletContext<User>();
  const member = useMember(id);
  const themes = useThemes();
  if (member.isPending || themes.isPending) return <Loading what="the city" />;
  if (member.isError) return <ErrorState error={member.error} retry={() => member.refetch()} />;
  if (themes.isError) return <ErrorState error={themes.error} retry={() => themes.refetch()} />;
  const city = member.data;
  const own = user.role === 'city_official' && user.memberId === city.id;
  const editable = own || user.role === 'secretariat';
  return (
    <article>
      <h1 tabIndex={-1}>{city.name}</h1>
      <dl className="facts">
        <div>
          <dt>Country</dt>
          <dd>{city.country}</dd>
        </div>
        <div>
          <dt>Subregion</dt>
          <dd>{city.subregion}</dd>
        </div>
        <div>
          <dt>Population</dt>
          <dd>{population.format(city.population)}</dd>
        </div>
        <div>
          <dt>Languages</dt>
          <dd>{city.languages.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{city.status}</dd>
        </div>
      </dl>
      {editable && (
        <p>
          <Link to={`/members/${city.id}/suggestions`}>See partner suggestions for {city.name}</Link>
        </p>
      )}
      <h2>Needs and offers</h2>
      {editable ? (
        <p className="hint">Choose what {city.name} needs help with and what it can offer others. Suggestions follow within seconds.</p>
      ) : (
        <p className="hint">This is another member's public profile: only its officials and the secretariat can change it.</p>
      )}
      <NeedsOffersEditor member={city} themes={themes.data} editable={editable} />
      {editable && (
        <>
          <h2>Users</h2>
          <MemberUsers memberId={city.id} />
        </>
      )}
    </article>
  );
}
