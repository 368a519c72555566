import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionPlanCreate } from '@samkraft/contracts/plans';
import { createPlanVersion, fetchPlanDraft, fetchPlanOverview } from '../api/plansApi.ts';

export function usePlanOverview(courseId: string) {
  return useQuery({ queryKey: ['action-plans', courseId], queryFn: () => fetchPlanOverview(courseId) });
}

export function usePlanDraft(courseId: string) {
  return useQuery({ queryKey: ['action-plans', courseId, 'draft'], queryFn: () => fetchPlanDraft(courseId), staleTime: 0 });
}

export function useCreatePlanVersion(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionPlanCreate) => createPlanVersion(courseId, body),
    onSuccess: async () => {
      // Version 1 books the first follow-up too.
      await Promise.all([client.invalidateQueries({ queryKey: ['action-plans', courseId] }), client.invalidateQueries({ queryKey: ['follow-ups', courseId] })]);
    },
  });
}
