import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';
import type { Member, MembersPage, NetworkMatch, SuggestionsList, Theme } from './types';

export type SuggestionFilters = NonNullable<paths['/api/v1/members/{id}/suggestions']['get']['parameters']['query']>;
export type MemberFilters = NonNullable<paths['/api/v1/members']['get']['parameters']['query']>;
export type NetworkMatchFilters = NonNullable<paths['/api/v1/matches']['get']['parameters']['query']>;

export function useThemes() {
  return useQuery({
    queryKey: ['themes'],
    queryFn: async () => unwrap(await api.GET('/api/v1/themes')) as unknown as Theme[],
    staleTime: Infinity,
  });
}

export function useMember(id: string) {
  return useQuery({
    queryKey: ['member', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id } } })) as unknown as Member,
  });
}

export function useSuggestions(memberId: string, filters: SuggestionFilters) {
  return useQuery({
    queryKey: ['suggestions', memberId, filters],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/members/{id}/suggestions', { params: { path: { id: memberId }, query: { ...filters, explain: true } } }),
      ) as unknown as SuggestionsList,
    // The list stays on screen while a filter change loads.
    placeholderData: keepPreviousData,
  });
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
