import {
  acceptDraftReferralResult,
  draftReferralCount,
  draftReferralDetail,
  draftReferralList,
  oioxmlUploadResult,
  rejectDraftReferralResult,
  type AcceptDraftReferralResult,
  type DraftReferralCount,
  type DraftReferralDetail,
  type DraftReferralList,
  type DraftReferralState,
  type OioxmlUploadResult,
} from '@samkraft/contracts/hospital-referrals';
import type { NewReferralBody } from '@samkraft/contracts/referrals';
import { requestJson } from '../../../api/client.ts';

export function fetchDraftReferrals(state: DraftReferralState): Promise<DraftReferralList> {
  return requestJson(`/api/draft-referrals?state=${state}`, draftReferralList);
}

export function fetchPendingDraftCount(): Promise<DraftReferralCount> {
  return requestJson('/api/draft-referrals/pending-count', draftReferralCount);
}

export function fetchDraftReferral(draftId: string): Promise<DraftReferralDetail> {
  return requestJson(`/api/draft-referrals/${encodeURIComponent(draftId)}`, draftReferralDetail);
}

export function acceptDraftReferral(draftId: string, body: NewReferralBody): Promise<AcceptDraftReferralResult> {
  return requestJson(`/api/draft-referrals/${encodeURIComponent(draftId)}/accept`, acceptDraftReferralResult, { method: 'POST', body });
}

export function rejectDraftReferral(draftId: string, reason: string): Promise<{ draftId: string; state: 'rejected' }> {
  return requestJson(`/api/draft-referrals/${encodeURIComponent(draftId)}/reject`, rejectDraftReferralResult, { method: 'POST', body: { reason } });
}

export function uploadOioxml(contentBase64: string): Promise<OioxmlUploadResult> {
  return requestJson('/api/draft-referrals/oioxml', oioxmlUploadResult, { method: 'POST', body: { contentBase64 } });
}
