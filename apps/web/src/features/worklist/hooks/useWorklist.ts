import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchWorklist } from '../api/worklistApi.ts';
import type { WorklistFilters } from '../utils/stateTone.ts';

export function useWorklist(filters: WorklistFilters, enabled = true) {
  // A new page keeps the previous one on screen until it arrives.
  return useQuery({ queryKey: ['worklist', filters], queryFn: () => fetchWorklist(filters), placeholderData: keepPreviousData, enabled });
}
