import { QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../api/apiRequestError.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not improve by asking again.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiRequestError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}
