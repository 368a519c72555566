import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeadlinePauseBody, DeadlinePolicyBody } from '@samkraft/contracts/deadlines';
import { courseQueryKey } from '../../courses/hooks/useCourse.ts';
import { createDeadlinePolicy, fetchCourseDeadlines, fetchDeadlinePolicies, markDeceased, pauseDeadline, resumeDeadline } from '../api/deadlineApi.ts';

export const courseDeadlinesKey = (courseId: string) => ['course', courseId, 'deadlines'] as const;
const policiesKey = ['deadline-policies'] as const;

export function useCourseDeadlines(courseId: string) {
  return useQuery({ queryKey: courseDeadlinesKey(courseId), queryFn: () => fetchCourseDeadlines(courseId) });
}

/** A pause or a death changes the course's deadlines, its overview and the worklist's rows. */
function useCourseChange<T>(courseId: string, fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: courseQueryKey(courseId) }),
        client.invalidateQueries({ queryKey: ['worklist'] }),
        client.invalidateQueries({ queryKey: ['start'] }),
      ]);
    },
  });
}

export const usePauseDeadline = (courseId: string) => useCourseChange(courseId, (b: DeadlinePauseBody) => pauseDeadline(courseId, b));
export const useResumeDeadline = (courseId: string) => useCourseChange(courseId, (v: { pauseId: string; resumedOn: string }) => resumeDeadline(v.pauseId, v.resumedOn));
export const useMarkDeceased = (courseId: string) => useCourseChange(courseId, (v: { citizenId: string; deceasedOn: string }) => markDeceased(v.citizenId, v.deceasedOn));

export function useDeadlinePolicies() {
  return useQuery({ queryKey: policiesKey, queryFn: fetchDeadlinePolicies });
}

export function useCreateDeadlinePolicy() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (b: DeadlinePolicyBody) => createDeadlinePolicy(b), onSuccess: () => client.invalidateQueries({ queryKey: policiesKey }) });
}
