import { evaluateAllocation, type Evaluation, type TransportParams, DEFAULT_TRANSPORT } from './planning-evaluate.rules.ts';
import type { LpSolveResult } from './planning-highs.worker.mjs';
import { instanceProblems, type Allocation, type PlanInstance } from './planning-instance.rules.ts';
import { allocationFromValues, buildPlanModel } from './planning-model.rules.ts';
import { solveInWorker } from './planning-solver.ts';

export type PlanStatus = 'optimal' | 'gap' | 'infeasible' | 'no_solution';

export type PlanResult = {
  status: PlanStatus;
  /** Total citizen-km (LP objective + the constant of home and rotating interventions). */
  citizenKm: number | null;
  /** Relative gap when not proven optimal. */
  gap: number | null;
  seconds: number;
  solver: string;
  lp: string;
  allocation: Allocation | null;
  evaluation: Evaluation | null;
  /** The solution as JSON: every variable's value by its LP name. */
  solution: { objective: number | null; objectiveConstant: number; status: string; values: Record<string, number> };
};

export type SolveOptions = { timeLimitSeconds: number; relativeGap?: number; transport?: TransportParams };

/** Builds the model, solves it with HiGHS in a worker thread, reads the allocation back and evaluates it. */
export async function solvePlan(instance: PlanInstance, options: SolveOptions, solve: (lp: string, o: SolveOptions) => Promise<LpSolveResult> = solveInWorker): Promise<PlanResult> {
  const problems = instanceProblems(instance);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const model = buildPlanModel(instance);
  const result = await solve(model.lp, { timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.relativeGap ?? 1e-6 });
  const values = new Map(result.values);
  const hasSolution = result.objective !== null && result.values.length > 0;
  const status: PlanStatus = result.status === 'optimal' ? 'optimal' : result.status === 'infeasible' ? 'infeasible' : hasSolution ? 'gap' : 'no_solution';
  const allocation = hasSolution ? allocationFromValues(instance, model, values) : null;
  return {
    status,
    citizenKm: hasSolution && result.objective !== null ? result.objective + model.objectiveConstant : null,
    gap: status === 'gap' ? result.gap : status === 'optimal' ? 0 : null,
    seconds: result.seconds,
    solver: `HiGHS ${result.highsVersion}`,
    lp: model.lp,
    allocation,
    evaluation: allocation ? evaluateAllocation(instance, allocation, options.transport ?? DEFAULT_TRANSPORT) : null,
    solution: { objective: result.objective, objectiveConstant: model.objectiveConstant, status: result.status, values: Object.fromEntries(result.values.map(([k, v]) => [k, Math.round(v * 1e6) / 1e6])) },
  };
}
