import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndRoutingBody, InterventionFields, NewInterventionBody, NewRoutingBody } from '@samkraft/contracts/catalogue';
import { addRoute, confirmRoute, createIntervention, endRoute, fetchIntervention, fetchRoutingHistory, saveIntervention } from '../api/interventionsApi.ts';

export function useIntervention(code: string) {
  return useQuery({ queryKey: ['catalogue', 'intervention', code], queryFn: () => fetchIntervention(code) });
}

export function useRoutingHistory(interventionCode: string) {
  return useQuery({ queryKey: ['catalogue', 'routing-history', interventionCode], queryFn: () => fetchRoutingHistory(interventionCode) });
}

/** Every catalogue change refreshes the whole catalogue: lists, matrix and details depend on each other. */
function useCatalogueMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: async () => client.invalidateQueries({ queryKey: ['catalogue'] }) });
}

export const useCreateIntervention = () => useCatalogueMutation((body: NewInterventionBody) => createIntervention(body));
export const useSaveIntervention = () => useCatalogueMutation(({ code, body }: { code: string; body: InterventionFields }) => saveIntervention(code, body));
export const useAddRoute = () => useCatalogueMutation((body: NewRoutingBody) => addRoute(body));
export const useEndRoute = () => useCatalogueMutation(({ id, body }: { id: string; body: EndRoutingBody }) => endRoute(id, body));
export const useConfirmRoute = () => useCatalogueMutation((id: string) => confirmRoute(id));
