import { useMemberDirectory, usePartnerships } from '../api/brokering';
import { Loading } from '../components/states';
import { type Place, WorldMap } from './world-map';

/** Every open partnership as a line between its two cities (stages before an agreement included). */
export default function PartnershipsMap() {
  const directory = useMemberDirectory();
  const list = usePartnerships({ limit: 1000, sort: 'updated' });
  if (directory.isPending || list.isPending) return <Loading what="the map of partnerships" />;
  if (!directory.data || !list.data) return <p>The map could not be drawn: {(directory.error ?? list.error)?.message}</p>;
  const members = directory.data;
  const places = new Map<string, Place>();
  const links = list.data.items.flatMap((p) => {
    const a = members.get(p.memberA);
    const b = members.get(p.memberB);
    if (!a || !b || p.stage === 'declined' || p.stage === 'ended') return [];
    const from: Place = { id: a.id, name: a.name, lon: a.lon, lat: a.lat, kind: 'member' };
    const to: Place = { id: b.id, name: b.name, lon: b.lon, lat: b.lat, kind: 'member' };
    places.set(a.id, from);
    places.set(b.id, to);
    return [{ from, to, label: `${a.name} – ${b.name} (${p.stage})` }];
  });
  return (
    <WorldMap places={[...places.values()]} links={links} label={`${links.length} open partnerships between ${places.size} members`} />
  );
}
