import { useQuery } from '@tanstack/react-query';
import { fetchDemoUsers } from '../api/authApi.ts';

export function useDemoUsers() {
  return useQuery({ queryKey: ['auth', 'demo-users'], queryFn: fetchDemoUsers, staleTime: Infinity });
}
