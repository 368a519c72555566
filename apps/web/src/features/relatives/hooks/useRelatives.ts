import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RelativeCreate } from '@samkraft/contracts/relatives';
import { createRelative, endRelative, fetchCourseRelatives, fetchSessionRelatives, recordRelativeAttendance, updateRelative } from '../api/relativesApi.ts';

const courseKey = (courseId: string) => ['course-relatives', courseId] as const;
const sessionKey = (sessionId: string) => ['session-relatives', sessionId] as const;

export function useCourseRelatives(courseId: string) {
  return useQuery({ queryKey: courseKey(courseId), queryFn: () => fetchCourseRelatives(courseId) });
}

/** Saves a new relative (no id) or changes one. */
export function useSaveRelative(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ relativeId, body }: { relativeId: string | null; body: RelativeCreate }) => (relativeId ? updateRelative(courseId, relativeId, body) : createRelative(courseId, body)),
    onSuccess: () => client.invalidateQueries({ queryKey: courseKey(courseId) }),
  });
}

export function useEndRelative(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ relativeId, endsOn }: { relativeId: string; endsOn: string }) => endRelative(courseId, relativeId, endsOn),
    onSuccess: () => client.invalidateQueries({ queryKey: courseKey(courseId) }),
  });
}

export function useSessionRelatives(sessionId: string) {
  return useQuery({ queryKey: sessionKey(sessionId), queryFn: () => fetchSessionRelatives(sessionId) });
}

export function useRecordRelativeAttendance(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ relativeId, attended }: { relativeId: string; attended: boolean }) => recordRelativeAttendance(sessionId, relativeId, attended),
    onSuccess: (data) => client.setQueryData(sessionKey(sessionId), data),
  });
}
