import { useQuery } from '@tanstack/react-query';
import { fetchInterventions, fetchMunicipalities } from '../api/catalogueApi.ts';

export function useInterventions(includeRetired = false) {
  return useQuery({ queryKey: ['catalogue', 'interventions', includeRetired], queryFn: () => fetchInterventions(includeRetired), staleTime: 10 * 60_000 });
}

export function useMunicipalities() {
  return useQuery({ queryKey: ['municipalities'], queryFn: fetchMunicipalities, staleTime: 60 * 60_000 });
}
