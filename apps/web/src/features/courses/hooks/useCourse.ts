import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactPersonBody, NewContactBody } from '@samkraft/contracts/courses';
import { addContact, fetchCourse, markPreparationFormSent, setContactPerson } from '../api/courseApi.ts';

export const courseQueryKey = (courseId: string) => ['course', courseId] as const;

export function useCourse(courseId: string) {
  return useQuery({ queryKey: courseQueryKey(courseId), queryFn: () => fetchCourse(courseId) });
}

/** Every change to a course refetches it (and the start page, whose rows show the step). */
function useCourseMutation<T>(courseId: string, fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: courseQueryKey(courseId) }), client.invalidateQueries({ queryKey: ['start'] })]);
    },
  });
}

export const useSetContactPerson = (courseId: string) => useCourseMutation(courseId, (b: ContactPersonBody) => setContactPerson(courseId, b));
export const useAddContact = (courseId: string) => useCourseMutation(courseId, (b: NewContactBody) => addContact(courseId, b));
export const useMarkFormSent = (courseId: string) => useCourseMutation(courseId, (sentOn: string) => markPreparationFormSent(courseId, sentOn));
