import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanRequest, PlanResultDto } from '@samkraft/contracts/planning';
import { fetchScenarios, saveScenario, solvePlan } from '../api/planningApi.ts';

const scenariosKey = ['planning', 'scenarios'] as const;

export const useSolvePlan = () => useMutation({ mutationFn: (body: PlanRequest) => solvePlan(body) });

export const useScenarios = () => useQuery({ queryKey: scenariosKey, queryFn: fetchScenarios });

export function useSaveScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, result }: { name: string; result: PlanResultDto }) => saveScenario(name, result),
    onSuccess: () => client.invalidateQueries({ queryKey: scenariosKey }),
  });
}
