import { useQuery } from '@tanstack/react-query';
import { fetchWorklist } from '../api/worklistApi.ts';

export function useWorklist(filters: { scope: string; state?: string; step?: string }) {
  return useQuery({ queryKey: ['worklist', filters], queryFn: () => fetchWorklist(filters) });
}
