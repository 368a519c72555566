import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeadlinePauseBody, DeadlinePolicyBody } from '@samkraft/contracts/deadlines';
import { courseQueryKey } from '../../courses/hooks/useCourse.ts';
import { createDeadlinePolicy, fetchCourseDeadlines, fetchDeadlinePolicies, markDeceased, pauseDeadline, resumeDeadline } from '../api/deadlineApi.ts';

export const courseDeadlinesKey = (courseId: string) => ['course', courseId, 'deadlines'] as const;
const policiesKey = ['deadline-policies'] as const;

export function useCourseDeadlines(courseId: string) {
  return useQuery({ queryKey: courseDeadlinesKey(courseId), queryFn: () => fetchCourseDeadlines(courseId) });
}

/** A pause or a death changes the course's deadlines, its overview and the worklist's rows (and a death the hospital's word shown: `also`). */
function useCourseChange<T>(courseId: string, fn: (input: T) => Promise<unknown>, also: readonly (readonly string[])[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([courseQueryKey(courseId), ['worklist'], ['start'], ...also].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export const usePauseDeadline = (courseId: string) => useCourseChange(courseId, (b: DeadlinePauseBody) => pauseDeadline(courseId, b));
export const useResumeDeadline = (courseId: string) => useCourseChange(courseId, (v: { pauseId: string; resumedOn: string }) => resumeDeadline(v.pauseId, v.resumedOn));
export const useMarkDeceased = (courseId: string) => useCourseChange(courseId, (v: { citizenId: string; deceasedOn: string }) => markDeceased(v.citizenId, v.deceasedOn), [['hospital-notifications']]);

export function useDeadlinePolicies() {
  return useQuery({ queryKey: policiesKey, queryFn: fetchDeadlinePolicies });
}

export function useCreateDeadlinePolicy() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (b: DeadlinePolicyBody) => createDeadlinePolicy(b), onSuccess: () => client.invalidateQueries({ queryKey: policiesKey }) });
}
