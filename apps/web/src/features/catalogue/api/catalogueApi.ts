import { type InterventionListItem, interventionListItem, type Municipality, municipality } from '@samkraft/contracts/reference';
import { z } from 'zod';
import { requestJson } from '../../../api/client.ts';

export function fetchInterventions(): Promise<InterventionListItem[]> {
  return requestJson('/api/catalogue/interventions', z.array(interventionListItem));
}

export function fetchMunicipalities(): Promise<Municipality[]> {
  return requestJson('/api/municipalities', z.array(municipality));
}
