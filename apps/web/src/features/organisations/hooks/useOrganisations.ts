import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationFields, OrganisationRegisterQuery } from '@samkraft/contracts/organisations';
import { createOrganisation, fetchAllMunicipalities, fetchOrganisation, fetchRegister, saveOrganisation, setOrganisationActive } from '../api/organisationsApi.ts';

export function useOrganisationRegister(q: Partial<OrganisationRegisterQuery>) {
  return useQuery({ queryKey: ['organisations', 'register', q], queryFn: () => fetchRegister(q), placeholderData: keepPreviousData });
}

/** The active hospitals, for a department's parent. */
export function useHospitals() {
  return useQuery({ queryKey: ['organisations', 'register', { kind: 'hospital', limit: 200 }], queryFn: () => fetchRegister({ kind: 'hospital', limit: 200 }), staleTime: 60_000 });
}

export function useOrganisation(id: string | null) {
  return useQuery({ queryKey: ['organisations', 'one', id], queryFn: () => fetchOrganisation(id ?? ''), enabled: id !== null });
}

export function useAllMunicipalities() {
  return useQuery({ queryKey: ['municipalities', 'all'], queryFn: fetchAllMunicipalities, staleTime: 60 * 60_000 });
}

/** Every change refreshes every organisation list: the register and the pickers of the referral form and the closing note. */
function useOrganisationMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: async () => client.invalidateQueries({ queryKey: ['organisations'] }) });
}

export const useCreateOrganisation = () => useOrganisationMutation((body: OrganisationFields) => createOrganisation(body));
export const useSaveOrganisation = () => useOrganisationMutation(({ id, body }: { id: string; body: OrganisationFields }) => saveOrganisation(id, body));
export const useSetOrganisationActive = () => useOrganisationMutation(({ id, active }: { id: string; active: boolean }) => setOrganisationActive(id, active));
