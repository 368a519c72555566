import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DraftReferralState } from '@samkraft/contracts/hospital-referrals';
import { bytesToBase64 } from '../../extracts/utils/fileBytes.ts';
import { fetchDraftReferral, fetchDraftReferrals, fetchPendingDraftCount, rejectDraftReferral, uploadOioxml } from '../api/hospitalReferralsApi.ts';

export function useDraftReferrals(state: DraftReferralState) {
  return useQuery({ queryKey: ['draft-referrals', 'list', state], queryFn: () => fetchDraftReferrals(state) });
}

export function usePendingDraftCount(enabled: boolean) {
  return useQuery({ queryKey: ['draft-referrals', 'count'], queryFn: fetchPendingDraftCount, enabled, refetchInterval: 60_000 });
}

export function useDraftReferral(draftId: string) {
  return useQuery({ queryKey: ['draft-referrals', 'draft', draftId], queryFn: () => fetchDraftReferral(draftId) });
}

/** After a decision the list, the badge and the draft itself are read again. */
export function useInvalidateDrafts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['draft-referrals'] });
}

export function useRejectDraft(draftId: string) {
  const invalidate = useInvalidateDrafts();
  return useMutation({ mutationFn: (reason: string) => rejectDraftReferral(draftId, reason), onSuccess: () => void invalidate() });
}

export function useUploadOioxml() {
  const invalidate = useInvalidateDrafts();
  return useMutation({
    mutationFn: async (file: File) => uploadOioxml(bytesToBase64(new Uint8Array(await file.arrayBuffer()))),
    onSuccess: () => void invalidate(),
  });
}
