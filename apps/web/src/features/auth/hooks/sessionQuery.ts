import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '@samkraft/contracts/auth';
import { fetchSession } from '../api/authApi.ts';

export const sessionQueryKey = ['auth', 'session'] as const;

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: 5 * 60_000,
});

/** The signed-in session. Only for components under the signed-in layout, which guarantees it. */
export function useSession(): SessionInfo {
  const { data } = useQuery(sessionQueryOptions);
  if (!data) throw new Error('useSession used outside the signed-in layout');
  return data;
}
