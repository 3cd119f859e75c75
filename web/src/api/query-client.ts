import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** The app's one cache of API answers, shared by the pages and by the routes that start their requests early. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing resource will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
