import { offering, type Offering, type OfferingPatch, routingEntry, type RoutingEntry } from '@samkraft/contracts/catalogue';
import { z } from 'zod';
import { requestJson } from '../../../api/client.ts';

export function fetchOfferings(interventionCode?: string): Promise<Offering[]> {
  const q = interventionCode ? `?intervention=${encodeURIComponent(interventionCode)}` : '';
  return requestJson(`/api/catalogue/offerings${q}`, z.array(offering));
}

export function fetchRouting(): Promise<RoutingEntry[]> {
  return requestJson('/api/catalogue/routing', z.array(routingEntry));
}

export function patchOffering(id: string, body: OfferingPatch): Promise<Offering> {
  return requestJson(`/api/catalogue/offerings/${encodeURIComponent(id)}`, offering, { method: 'PATCH', body });
}
