import { useMemberDirectory, useMemberProfiles, usePartnerships } from '../api/brokering';
import type { Member } from '../api/types';
import { Loading } from '../components/states';
import { type Place, WorldMap } from './world-map';

/** Up to this many cities, their profiles are read one by one; beyond, the whole directory at once. */
const FEW = 60;

/** Every open partnership as a line between its two cities (stages before an agreement included). */
export default function PartnershipsMap() {
  const list = usePartnerships({ limit: 1000, sort: 'updated' });
  const open = (list.data?.items ?? []).filter((p) => p.stage !== 'declined' && p.stage !== 'ended');
  const ids = [...new Set(open.flatMap((p) => [p.memberA, p.memberB]))];
  const many = ids.length > FEW;
  const few = useMemberProfiles(many ? [] : ids);
  const directory = useMemberDirectory(many);
  if (list.isPending || (many && directory.isPending)) return <Loading what="the map of partnerships" />;
  if (list.isError) return <p>The map could not be drawn: {list.error.message}</p>;
  const members: Map<string, Member> = many ? (directory.data ?? new Map()) : few;
  const places = new Map<string, Place>();
  const links = open.flatMap((p) => {
    const a = members.get(p.memberA);
    const b = members.get(p.memberB);
    if (!a || !b) return [];
    const from: Place = { id: a.id, name: a.name, lon: a.lon, lat: a.lat, kind: 'member' };
    const to: Place = { id: b.id, name: b.name, lon: b.lon, lat: b.lat, kind: 'member' };
    places.set(a.id, from);
    places.set(b.id, to);
    return [{ from, to, label: `${a.name} – ${b.name} (${p.stage})` }];
  });
  return <WorldMap places={[...places.values()]} links={links} label={`${open.length} open partnerships between ${ids.length} members`} />;
}
