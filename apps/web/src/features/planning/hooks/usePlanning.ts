import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanRequest, PlanResultDto } from '@samkraft/contracts/planning';
import { fetchScenario, fetchScenarios, saveScenario, solvePlan } from '../api/planningApi.ts';

const scenariosKey = ['planning', 'scenarios'] as const;

export const useSolvePlan = () => useMutation({ mutationFn: (body: PlanRequest) => solvePlan(body) });

export const useScenarios = () => useQuery({ queryKey: scenariosKey, queryFn: fetchScenarios });

/** A saved scenario opened on the page, as it was solved (the result is kept whole). */
export const useOpenScenario = () => useMutation({ mutationFn: (id: string) => fetchScenario(id) });

export function useSaveScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, result }: { name: string; result: PlanResultDto }) => saveScenario(name, result),
    onSuccess: () => client.invalidateQueries({ queryKey: scenariosKey }),
  });
}
