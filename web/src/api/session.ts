import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from './client';
import type { User } from './types';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (the API answers 401). */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<User | null> => {
    try {
      const { user } = unwrap(await api.GET('/api/v1/auth/me')) as unknown as { user: User };
      return user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export function useSession() {
  return useQuery(sessionQuery);
}
