import {
  municipalityTransport,
  type MunicipalityTransport,
  type MunicipalityTransportBody,
  transportResult,
  type TransportResultDto,
  transportRules,
  type TransportRuleBody,
  type TransportRules,
} from '@samkraft/contracts/transport';
import { requestJson } from '../../../api/client.ts';

export function fetchMunicipalityTransport(code: string): Promise<MunicipalityTransport> {
  return requestJson(`/api/municipalities/${code}/transport`, municipalityTransport);
}

export function saveMunicipalityTransport(code: string, body: MunicipalityTransportBody): Promise<MunicipalityTransport> {
  return requestJson(`/api/municipalities/${code}/transport`, municipalityTransport, { method: 'PUT', body });
}

export function fetchTransportRules(): Promise<TransportRules> {
  return requestJson('/api/transport-rules', transportRules);
}

export function addTransportRule(body: TransportRuleBody): Promise<TransportRules> {
  return requestJson('/api/transport-rules', transportRules, { method: 'POST', body });
}

export type TransportFacts = { conditionExcludesPublicTransport: boolean; cheapestCostDkk: number | null };

/** What the contact person knows beyond the record goes along as query parameters. */
export function fetchCrossReferralTransport(crossReferralId: string, facts: TransportFacts): Promise<TransportResultDto> {
  const q = new URLSearchParams({ conditionExcludesPublicTransport: String(facts.conditionExcludesPublicTransport) });
  if (facts.cheapestCostDkk !== null) q.set('cheapestCostDkk', String(facts.cheapestCostDkk));
  return requestJson(`/api/cross-referrals/${encodeURIComponent(crossReferralId)}/transport?${q.toString()}`, transportResult);
}
