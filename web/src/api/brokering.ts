import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';
import type { Board, DigestWeek, Interest, Member, MembersPage, Notification, Partnership, PartnershipsPage, User } from './types';

export type PartnershipFilters = NonNullable<paths['/api/v1/partnerships']['get']['parameters']['query']>;

/** Query keys of brokering data: a write invalidates the prefixes it touches. */
export const KEYS = {
  interests: (memberId: string) => ['interests', memberId] as const,
  memberPartnerships: (memberId: string) => ['partnerships', 'member', memberId] as const,
  partnership: (id: string) => ['partnerships', 'one', id] as const,
  notifications: ['notifications'] as const,
};

export function useInterests(memberId: string) {
  return useQuery({
    queryKey: KEYS.interests(memberId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/members/{id}/interests', { params: { path: { id: memberId } } })) as unknown as {
        sent: Interest[];
        mutual: Interest[];
      },
  });
}

export function useAllInterests(query: { memberId?: string; mutual?: boolean; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['interests', 'all', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/interests', { params: { query } })) as unknown as Interest[],
    placeholderData: keepPreviousData,
  });
}

export function useMemberPartnerships(memberId: string, enabled = true) {
  return useQuery({
    queryKey: KEYS.memberPartnerships(memberId),
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/members/{id}/partnerships', { params: { path: { id: memberId }, query: { limit: 500 } } }),
      ) as unknown as PartnershipsPage,
  });
}

export function usePartnership(id: string) {
  return useQuery({
    queryKey: KEYS.partnership(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/partnerships/{id}', { params: { path: { id } } })) as unknown as Partnership,
  });
}

export function usePartnerships(filters: PartnershipFilters) {
  return useQuery({
    queryKey: ['partnerships', 'list', filters],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/partnerships', { params: { query: { ...filters, format: 'json' } } })) as unknown as PartnershipsPage,
    placeholderData: keepPreviousData,
  });
}

export function useBoard() {
  return useQuery({
    queryKey: ['partnerships', 'board'],
    queryFn: async () => unwrap(await api.GET('/api/v1/partnerships/board')) as unknown as Board,
  });
}

export function useDigestWeeks(weeks: number) {
  return useQuery({
    queryKey: ['digest-runs', weeks],
    queryFn: async () => unwrap(await api.GET('/api/v1/digests/runs', { params: { query: { weeks } } })) as unknown as DigestWeek[],
  });
}

/** The reader's notifications: its member's for an official, the secretariat's otherwise. */
export function useNotifications(user: User | null | undefined, unread = false, refetchInterval?: number) {
  return useQuery({
    queryKey: [...KEYS.notifications, user?.memberId ?? 'secretariat', unread],
    enabled: Boolean(user),
    refetchInterval,
    queryFn: async () => {
      const query = unread ? { unread: true } : {};
      const result =
        user?.role === 'city_official' && user.memberId
          ? await api.GET('/api/v1/members/{id}/notifications', { params: { path: { id: user.memberId }, query } })
          : await api.GET('/api/v1/notifications', { params: { query } });
      return unwrap(result) as unknown as Notification[];
    },
  });
}

export async function markNotificationsRead(user: User, ids?: string[]) {
  const body = ids ? { ids } : {};
  const result =
    user.role === 'city_official' && user.memberId
      ? await api.POST('/api/v1/members/{id}/notifications/read', { params: { path: { id: user.memberId } }, body })
      : await api.POST('/api/v1/notifications/read', { body });
  return unwrap(result);
}

/** Public profiles of a few members by id (names and places), shared with every other page's cache. */
export function useMemberProfiles(ids: string[]): Map<string, Member> {
  const profiles = useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: ['member', id],
      queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id } } })) as unknown as Member,
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(profiles.flatMap((profile) => (profile.data ? [[profile.data.id, profile.data] as const] : [])));
}

/** Every active member's public profile, for drawing the whole network (pages of 500). */
export function useMemberDirectory(enabled = true) {
  return useQuery({
    queryKey: ['members', 'directory'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const members: Member[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = unwrap(
          await api.GET('/api/v1/members', { params: { query: { limit: 500, offset, status: 'active' } } }),
        ) as unknown as MembersPage;
        members.push(...page.items);
        if (members.length >= page.total || page.items.length === 0) return new Map(members.map((member) => [member.id, member]));
      }
    },
  });
}
