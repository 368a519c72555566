import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HomeOfferBody } from '@samkraft/contracts/cross-referrals';
import {
  fetchAllMunicipalities,
  fetchCourseCrossReferrals,
  previewCrossReferral,
  previewCrossReferralUpdate,
  recordCitizenDecline,
  recordHomeOffer,
  sendCrossReferral,
  sendCrossReferralUpdate,
  type Share,
} from '../api/crossReferralsApi.ts';

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

export function useUpdatePreview(id: string) {
  return useMutation({ mutationFn: (share: Share) => previewCrossReferralUpdate(id, share) });
}

export function useSendUpdate(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, share }: { id: string; share: Share }) => sendCrossReferralUpdate(id, share),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cross-referrals', courseId] }),
  });
}

export function useRecordHomeOffer(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HomeOfferBody) => recordHomeOffer(courseId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cross-referrals', courseId] }),
  });
}

export function useHomeCitizenDecline(courseId: string, crossReferralId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { declinedOn: string; reason: string; note?: string }) => recordCitizenDecline(crossReferralId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cross-referrals', courseId] }),
  });
}

export function useAllMunicipalities() {
  return useQuery({ queryKey: ['municipalities', 'all'], queryFn: fetchAllMunicipalities, staleTime: 60 * 60_000 });
}
