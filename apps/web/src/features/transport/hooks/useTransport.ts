import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MunicipalityTransportBody, TransportRuleBody } from '@samkraft/contracts/transport';
import { addTransportRule, fetchCrossReferralTransport, fetchMunicipalityTransport, fetchTransportRules, saveMunicipalityTransport, type TransportFacts } from '../api/transportApi.ts';

const municipalityKey = (code: string) => ['transport', 'municipality', code] as const;
const rulesKey = ['transport', 'rules'] as const;

export const useMunicipalityTransport = (code: string) => useQuery({ queryKey: municipalityKey(code), queryFn: () => fetchMunicipalityTransport(code) });
export const useTransportRules = () => useQuery({ queryKey: rulesKey, queryFn: fetchTransportRules });

export function useSaveMunicipalityTransport(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MunicipalityTransportBody) => saveMunicipalityTransport(code, body),
    onSuccess: (data) => client.setQueryData(municipalityKey(code), data),
  });
}

export function useAddTransportRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransportRuleBody) => addTransportRule(body),
    onSuccess: (data) => client.setQueryData(rulesKey, data),
  });
}

export const useCrossReferralTransport = (crossReferralId: string, facts: TransportFacts) =>
  useQuery({ queryKey: ['transport', 'cross-referral', crossReferralId, facts], queryFn: () => fetchCrossReferralTransport(crossReferralId, facts), placeholderData: (previous) => previous });
