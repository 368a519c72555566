import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCourseCrossReferrals, previewCrossReferral, sendCrossReferral, sendCrossReferralUpdate, type Share } from '../api/crossReferralsApi.ts';

export function useCourseCrossReferrals(courseId: string) {
  return useQuery({ queryKey: ['cross-referrals', courseId], queryFn: () => fetchCourseCrossReferrals(courseId) });
}

export function usePreview(courseId: string) {
  return useMutation({ mutationFn: (body: { offeringId: string; share: Share }) => previewCrossReferral(courseId, body) });
}

export function useSendCrossReferral(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { offeringId: string; consentOn: string; share: Share }) => sendCrossReferral(courseId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cross-referrals', courseId] }),
  });
}

export function useSendUpdate(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, share }: { id: string; share: Share }) => sendCrossReferralUpdate(id, share),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cross-referrals', courseId] }),
  });
}
