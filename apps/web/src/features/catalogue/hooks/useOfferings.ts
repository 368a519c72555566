import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfferingPatch } from '@samkraft/contracts/catalogue';
import { fetchOfferings, fetchRouting, patchOffering } from '../api/offeringsApi.ts';

export function useOfferings(interventionCode?: string) {
  return useQuery({ queryKey: ['catalogue', 'offerings', interventionCode ?? null], queryFn: () => fetchOfferings(interventionCode) });
}

export function useRouting() {
  return useQuery({ queryKey: ['catalogue', 'routing'], queryFn: fetchRouting });
}

export function usePatchOffering() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OfferingPatch }) => patchOffering(id, body),
    onSuccess: async () => client.invalidateQueries({ queryKey: ['catalogue'] }),
  });
}
