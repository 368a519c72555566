import { type InterventionListItem, interventionListItem } from '@samkraft/contracts/catalogue';
import { type Municipality, municipality } from '@samkraft/contracts/reference';
import { z } from 'zod';
import { requestJson } from '../../../api/client.ts';

/** Retired interventions are left out unless asked for (the administrator's view). */
export function fetchInterventions(includeRetired = false): Promise<InterventionListItem[]> {
  return requestJson(`/api/catalogue/interventions${includeRetired ? '?retired=include' : ''}`, z.array(interventionListItem));
}

export function fetchMunicipalities(): Promise<Municipality[]> {
  return requestJson('/api/municipalities', z.array(municipality));
}
