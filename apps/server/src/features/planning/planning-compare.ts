import type { PlanResultDto, PlanScenarioDto, PlanScenarioKey } from '@samkraft/contracts/planning';
import { municipalityPoint } from './planning-distances.rules.ts';
import { DEFAULT_TRANSPORT, evaluateAllocation, type Evaluation, type TransportParams } from './planning-evaluate.rules.ts';
import { instanceProblems, rotationIndices, type Allocation, type PlanInstance } from './planning-instance.rules.ts';
import { allocationFromRoutes, BILAG_G_MODELS, modelSetup, type Route } from './planning-scenarios.rules.ts';
import { buildInstance, type PlanParameters } from './planning-setup.rules.ts';
import { solvePlan, type PlanResult } from './planning-solve.ts';

/**
 * The optimum, the 2017 hosting and the four models side by side, each measured by the same
 * evaluation. The solves run one after another: each is a worker thread and the machine's cores
 * are shared with the requests.
 */

const r1 = (x: number) => Math.round(x * 10) / 10;

function flowsOf(instance: PlanInstance, allocation: Allocation): PlanScenarioDto['flows'] {
  const flows: PlanScenarioDto['flows'] = [];
  instance.interventions.forEach((iv, i) => {
    instance.municipalities.forEach((home, h) => {
      const d = instance.demand[h]?.[i] ?? 0;
      if (d <= 0 || iv.kind === 'home') return;
      const hosts = iv.kind === 'rotating' ? rotationIndices(instance, i) : [allocation.hostOf[i]?.[h] ?? null].filter((m): m is number => m !== null);
      for (const m of hosts) {
        const host = instance.municipalities[m];
        if (host) flows.push({ interventionCode: iv.code, home: home.code, host: host.code, citizens: r1(d / hosts.length), km: instance.distanceKm[h]?.[m] ?? 0 });
      }
    });
  });
  return flows;
}

function scenarioDto(key: PlanScenarioKey, instance: PlanInstance, allocation: Allocation | null, evaluation: Evaluation | null, plan: PlanResult | null, problems: string[] = []): PlanScenarioDto {
  const names = new Map(instance.municipalities.map((m) => [m.code, m.name]));
  return {
    key,
    status: plan?.status ?? (problems.length > 0 ? 'infeasible' : null),
    gap: plan?.gap ?? null,
    seconds: plan ? Math.round(plan.seconds * 1000) / 1000 : null,
    citizens: r1(evaluation?.citizens ?? 0),
    unservedCitizens: r1(evaluation?.unservedCitizens ?? 0),
    citizenKm: evaluation ? r1(evaluation.citizenKm) : null,
    kmPerCitizen: evaluation ? Math.round(evaluation.kmPerCitizen * 100) / 100 : null,
    longestTripKm: evaluation ? r1(evaluation.longestTripKm) : null,
    transportCostDkk: evaluation ? Math.round(evaluation.transportCostDkk) : null,
    hostCount: evaluation?.hostCount ?? 0,
    municipalities: (evaluation?.municipalities ?? []).map((l) => ({ ...l, name: names.get(l.code) ?? l.code, citizensServed: r1(l.citizensServed), delivered: r1(l.delivered), received: r1(l.received), net: r1(l.net) })),
    flows: allocation ? flowsOf(instance, allocation) : [],
    violations: [...problems, ...(evaluation?.violations ?? [])],
  };
}

async function solveScenario(key: PlanScenarioKey, instance: PlanInstance, timeLimitSeconds: number, transport: TransportParams): Promise<{ dto: PlanScenarioDto; plan: PlanResult | null }> {
  const problems = instanceProblems(instance);
  if (problems.length > 0) return { dto: scenarioDto(key, instance, null, null, null, problems), plan: null };
  const plan = await solvePlan(instance, { timeLimitSeconds, transport });
  return { dto: scenarioDto(key, instance, plan.allocation, plan.evaluation, plan), plan };
}

export async function comparePlans(p: PlanParameters, demand: number[][], routes2017: readonly Route[], options: { timeLimitSeconds: number; compare: boolean; request: unknown; transport?: TransportParams; thresholdsFrom?: string | null }): Promise<PlanResultDto> {
  const transport = options.transport ?? DEFAULT_TRANSPORT;
  const base = buildInstance(p, demand);
  const problems = instanceProblems(base);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const optimum = await solveScenario('optimum', base, options.timeLimitSeconds, transport);
  const scenarios = [optimum.dto];
  if (options.compare) {
    const hosting = allocationFromRoutes(base, routes2017);
    scenarios.push(scenarioDto('hosting_2017', base, hosting, evaluateAllocation(base, hosting, transport), null));
    for (const model of BILAG_G_MODELS) {
      const setup = modelSetup(model, p.municipalityCodes);
      const instance = buildInstance({ ...p, ...setup.parameters }, demand, setup.options);
      scenarios.push((await solveScenario(model, instance, options.timeLimitSeconds, transport)).dto);
    }
  }
  return {
    request: options.request,
    transport: { ...transport, thresholdsFrom: options.thresholdsFrom ?? null },
    solver: optimum.plan?.solver ?? 'HiGHS',
    municipalities: base.municipalities.map((m) => {
      const point = municipalityPoint(m.code);
      return { code: m.code, name: m.name, lat: point?.lat ?? 0, lon: point?.lon ?? 0 };
    }),
    interventions: base.interventions.map((iv, i) => ({ code: iv.code, nameDa: iv.nameDa, kind: iv.kind, capacity: iv.capacity, maxHosts: iv.maxHosts, demand: r1(base.demand.reduce((s, row) => s + (row[i] ?? 0), 0)) })),
    scenarios,
    lp: optimum.plan?.lp ?? '',
    solution: optimum.plan?.solution ?? null,
  };
}
