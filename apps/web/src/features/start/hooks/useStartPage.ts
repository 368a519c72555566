import { useQuery } from '@tanstack/react-query';
import type { Role } from '@samkraft/contracts/common';
import { fetchStartPage } from '../api/startApi.ts';

export function useStartPage(role: Role | null) {
  return useQuery({ queryKey: ['start', role], queryFn: () => fetchStartPage(role) });
}
