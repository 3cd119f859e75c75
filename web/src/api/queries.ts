import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';
import type { Member, MembersPage, NetworkMatch, SuggestionsList, Theme } from './types';

export type SuggestionFilters = NonNullable<paths['/api/v1/members/{id}/suggestions']['get']['parameters']['query']>;
export type MemberFilters = NonNullable<paths['/api/v1/members']['get']['parameters']['query']>;
export type NetworkMatchFilters = NonNullable<paths['/api/v1/matches']['get']['parameters']['query']>;

/** An answer this recent is not asked for again: a page reads what its route asked for moments before. */
const FRESH_MS = 5_000;

export const themesQuery = queryOptions({
  queryKey: ['themes'],
  queryFn: async () => unwrap(await api.GET('/api/v1/themes')) as unknown as Theme[],
  staleTime: Infinity,
});

export function useThemes() {
  return useQuery(themesQuery);
}

export const memberQuery = (id: string) =>
  queryOptions({
    queryKey: ['member', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id } } })) as unknown as Member,
    staleTime: FRESH_MS,
  });

export function useMember(id: string) {
  return useQuery(memberQuery(id));
}

export const suggestionsQuery = (memberId: string, filters: SuggestionFilters) =>
  queryOptions({
    queryKey: ['suggestions', memberId, filters],
    // The signal cancels a request that a newer filter change superseded.
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/members/{id}/suggestions', {
          params: { path: { id: memberId }, query: { ...filters, explain: true } },
          signal,
        }),
      ) as unknown as SuggestionsList,
    staleTime: FRESH_MS,
  });

export function useSuggestions(memberId: string, filters: SuggestionFilters) {
  // The list stays on screen, marked busy, while a filter change loads.
  return useQuery({ ...suggestionsQuery(memberId, filters), placeholderData: keepPreviousData });
}

export function useMembers(filters: MemberFilters) {
  return useQuery({
    queryKey: ['members', filters],
    queryFn: async () => unwrap(await api.GET('/api/v1/members', { params: { query: filters } })) as unknown as MembersPage,
    placeholderData: keepPreviousData,
  });
}

export function useNetworkMatches(filters: NetworkMatchFilters) {
  return useQuery({
    queryKey: ['matches', filters],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/matches', { params: { query: filters } })) as unknown as { total: number; matches: NetworkMatch[] },
    placeholderData: keepPreviousData,
  });
}
