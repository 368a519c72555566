import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchClosedCourses } from '../api/worklistApi.ts';

export function useClosedCourses(page: { offset: number; limit: number }) {
  return useQuery({ queryKey: ['worklist', 'closed', page], queryFn: () => fetchClosedCourses(page), placeholderData: keepPreviousData });
}
