import {
  type EndRoutingBody,
  type InterventionDetail,
  interventionDetail,
  type InterventionFields,
  type NewInterventionBody,
  type NewRoutingBody,
  routingEntry,
  type RoutingEntry,
} from '@samkraft/contracts/catalogue';
import { z } from 'zod';
import { requestJson, requestVoid } from '../../../api/client.ts';

export function fetchIntervention(code: string): Promise<InterventionDetail> {
  return requestJson(`/api/catalogue/interventions/${encodeURIComponent(code)}`, interventionDetail);
}

export function createIntervention(body: NewInterventionBody): Promise<InterventionDetail> {
  return requestJson('/api/catalogue/interventions', interventionDetail, { method: 'POST', body });
}

export function saveIntervention(code: string, body: InterventionFields): Promise<InterventionDetail> {
  return requestJson(`/api/catalogue/interventions/${encodeURIComponent(code)}`, interventionDetail, { method: 'PUT', body });
}

export function fetchRoutingHistory(interventionCode: string): Promise<RoutingEntry[]> {
  return requestJson(`/api/catalogue/routing/history?intervention=${encodeURIComponent(interventionCode)}`, z.array(routingEntry));
}

export function addRoute(body: NewRoutingBody): Promise<void> {
  return requestVoid('/api/catalogue/routing', { method: 'POST', body });
}

export function endRoute(id: string, body: EndRoutingBody): Promise<RoutingEntry> {
  return requestJson(`/api/catalogue/routing/${encodeURIComponent(id)}/end`, routingEntry, { method: 'POST', body });
}

export function confirmRoute(id: string): Promise<RoutingEntry> {
  return requestJson(`/api/catalogue/routing/${encodeURIComponent(id)}/confirm`, routingEntry, { method: 'POST' });
}
