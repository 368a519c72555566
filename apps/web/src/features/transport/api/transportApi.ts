import { municipalityTransport, type MunicipalityTransport, type MunicipalityTransportBody, transportRules, type TransportRuleBody, type TransportRules } from '@samkraft/contracts/transport';
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
