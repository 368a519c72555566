import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { DataAccessRequestBody } from '@samkraft/contracts/my-data';
import { fetchCourseAccessLog, produceDataAccessResponse } from '../api/accessLogApi.ts';

/** The course's access log, read only once asked for (each read of it is itself logged). */
export function useCourseAccessLog(courseId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['courses', courseId, 'access-log'],
    queryFn: ({ pageParam }) => fetchCourseAccessLog(courseId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled,
  });
}

export function useDataAccessResponse(courseId: string) {
  return useMutation({ mutationFn: (body: DataAccessRequestBody) => produceDataAccessResponse(courseId, body) });
}
