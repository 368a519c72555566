import { citizenSearchResults, type CitizenSearchResults } from '@samkraft/contracts/citizens';
import { requestJson } from '../../../api/client.ts';

/** The query travels in the body, never the URL: a CPR number or name must not reach a log. */
export function searchCitizens(query: string): Promise<CitizenSearchResults> {
  return requestJson('/api/citizens/search', citizenSearchResults, { method: 'POST', body: { query } });
}
