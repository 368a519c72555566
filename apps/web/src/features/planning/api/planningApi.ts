import { planResult, savedScenario, savedScenarioList, type PlanRequest, type PlanResultDto, type SavedScenarioDto, type SavedScenarioList } from '@samkraft/contracts/planning';
import { requestFile, requestJson, type DownloadedFile } from '../../../api/client.ts';

export function solvePlan(body: PlanRequest): Promise<PlanResultDto> {
  return requestJson('/api/planning/solve', planResult, { method: 'POST', body });
}

export function fetchScenarios(): Promise<SavedScenarioList> {
  return requestJson('/api/planning/scenarios', savedScenarioList);
}

export function saveScenario(name: string, result: PlanResultDto): Promise<SavedScenarioDto> {
  return requestJson('/api/planning/scenarios', savedScenario, { method: 'POST', body: { name, result } });
}

export function fetchScenario(id: string): Promise<SavedScenarioDto> {
  return requestJson(`/api/planning/scenarios/${encodeURIComponent(id)}`, savedScenario);
}

export type PlanExportFormat = 'lp' | 'json' | 'xlsx' | 'pdf';

export function exportScenario(id: string, format: PlanExportFormat): Promise<DownloadedFile> {
  return requestFile(`/api/planning/scenarios/${encodeURIComponent(id)}/export?format=${format}`);
}
