import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoursePreparationForm } from '@samkraft/contracts/preparation-forms';
import { fetchCoursePreparationForm, remindCoursePreparationForm, sendCoursePreparationForm } from '../api/preparationFormApi.ts';

export const coursePreparationFormKey = (courseId: string) => ['citizen-preparation-form', courseId] as const;

export function useCoursePreparationForm(courseId: string) {
  return useQuery({ queryKey: coursePreparationFormKey(courseId), queryFn: () => fetchCoursePreparationForm(courseId) });
}

function useFormMutation(courseId: string, fn: (courseId: string) => Promise<CoursePreparationForm>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => fn(courseId), onSuccess: (data) => client.setQueryData(coursePreparationFormKey(courseId), data) });
}

export const useSendPreparationForm = (courseId: string) => useFormMutation(courseId, sendCoursePreparationForm);
export const useRemindPreparationForm = (courseId: string) => useFormMutation(courseId, remindCoursePreparationForm);
