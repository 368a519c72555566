import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NeedsAssessmentCreate } from '@samkraft/contracts/assessments';
import { createNeedsAssessment, fetchAssessmentItems, fetchNeedsAssessments } from '../api/assessmentsApi.ts';

export function useAssessmentItems() {
  return useQuery({ queryKey: ['assessment-items'], queryFn: fetchAssessmentItems, staleTime: 60 * 60 * 1000 });
}

export function useNeedsAssessments(courseId: string) {
  return useQuery({ queryKey: ['needs-assessments', courseId], queryFn: () => fetchNeedsAssessments(courseId) });
}

export function useCreateNeedsAssessment(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NeedsAssessmentCreate) => createNeedsAssessment(courseId, body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['needs-assessments', courseId] }), client.invalidateQueries({ queryKey: ['citizen-preparation-form', courseId] })]),
  });
}
