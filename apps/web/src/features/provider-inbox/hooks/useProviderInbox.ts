import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptReferral,
  correctMeasurement,
  declineReferral,
  fetchIncomingReferral,
  fetchProviderInbox,
  recordCitizenDecline,
  recordDeeperAssessment,
  type DeeperAssessmentInput,
  type MeasurementCorrectionInput,
} from '../../cross-referrals/api/crossReferralsApi.ts';

export function useProviderInbox() {
  return useQuery({ queryKey: ['provider-inbox'], queryFn: fetchProviderInbox });
}

export function useIncomingReferral(id: string) {
  return useQuery({ queryKey: ['provider-inbox', id], queryFn: () => fetchIncomingReferral(id) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['provider-inbox'] });
}

export function useAccept(id: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (contactOn: string) => acceptReferral(id, contactOn), onSuccess });
}

export function useDecline(id: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => declineReferral(id, reason), onSuccess });
}

export function useCitizenDecline(id: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: { declinedOn: string; reason: string; note?: string }) => recordCitizenDecline(id, body), onSuccess });
}

export function useDeeperAssessment(id: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: DeeperAssessmentInput) => recordDeeperAssessment(id, body), onSuccess });
}

export function useCorrectMeasurement(id: string, assessmentId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: MeasurementCorrectionInput) => correctMeasurement(id, assessmentId, body), onSuccess });
}
