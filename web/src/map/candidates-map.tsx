import type { Member, Suggestion } from '../api/types';
import { type Place, WorldMap } from './world-map';

/** The city and its candidates, placed from the suggestions themselves: no request per candidate. */
export default function CandidatesMap({ home, candidates }: { home?: Member; candidates: Suggestion[] }) {
  const places: Place[] = candidates.map((candidate) => ({
    id: candidate.memberId,
    name: candidate.name,
    lon: candidate.lon,
    lat: candidate.lat,
    kind: 'candidate' as const,
  }));
  if (home) places.push({ id: home.id, name: `${home.name} (your city)`, lon: home.lon, lat: home.lat, kind: 'home' });
  const links = home
    ? places
        .filter((place) => place.kind === 'candidate')
        .map((place) => ({ from: places[places.length - 1], to: place, label: `${home.name} – ${place.name}` }))
    : [];
  return (
    <WorldMap
      places={places}
      links={links}
      label={`${home?.name ?? 'The city'} (large dot) and its ${candidates.length} suggested partners`}
    />
  );
}
