import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Member, Suggestion } from '../api/types';
import { type Place, WorldMap } from './world-map';

/** The city and its candidates; their coordinates come from each member's public profile. */
export default function CandidatesMap({ home, candidates }: { home?: Member; candidates: Suggestion[] }) {
  const profiles = useQueries({
    queries: candidates.map((candidate) => ({
      queryKey: ['member', candidate.memberId],
      queryFn: async () =>
        unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id: candidate.memberId } } })) as unknown as Member,
      staleTime: 5 * 60_000,
    })),
  });
  const places: Place[] = profiles.flatMap((profile) =>
    profile.data
      ? [{ id: profile.data.id, name: profile.data.name, lon: profile.data.lon, lat: profile.data.lat, kind: 'candidate' as const }]
      : [],
  );
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
