import { useMutation } from '@tanstack/react-query';
import { searchCitizens } from '../api/citizenSearchApi.ts';

/** A mutation, not a query: its key would keep the CPR number or name in the cache. */
export function useCitizenSearch() {
  return useMutation({ mutationFn: searchCitizens });
}
