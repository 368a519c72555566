import type { PlanRequest, PlanResultDto, SavedScenarioDto, SavedScenarioList, SaveScenarioBody } from '@samkraft/contracts/planning';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { transportThresholdOn } from '../transport/transport.service.ts';
import { canPlan } from './planning-access.rules.ts';
import { comparePlans } from './planning-compare.ts';
import { demandFromCounts } from './planning-demand.rules.ts';
import { knownMunicipality } from './planning-distances.rules.ts';
import { DEFAULT_TRANSPORT, type TransportParams } from './planning-evaluate.rules.ts';
import { buildInstance, DEFAULT_PARAMETERS, expectedDemand, interventionRow, interventionRows, type PlanParameters } from './planning-setup.rules.ts';
import { countReferralsByHome, findHostingRoutes, findScenario, insertScenario, listScenarios } from './planning.repository.ts';

/** The day the 2017 hosting of report Bilag 1 starts: the catalogue's routing valid then is "2017". */
export const HOSTING_2017_DAY = '2017-10-01';

async function requirePlanner(ctx: ServiceContext, action: string, entityId: string | null = null): Promise<void> {
  if (canPlan(ctx.actor)) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'planning_scenario', ...(entityId ? { entityId } : {}), outcome: 'denied', detail: { reason: 'role' } }]);
  throw AppError.forbidden('Only the coordinator and the municipal leads (the steering group) use the placement planner');
}

function parametersOf(request: PlanRequest): PlanParameters {
  const issues: FieldIssue[] = [];
  request.municipalityCodes.forEach((code, k) => {
    if (!knownMunicipality(code)) issues.push({ field: `municipalityCodes.${k}`, code: 'invalid_value', message: `unknown municipality ${code}` });
  });
  request.interventionCodes.forEach((code, k) => {
    if (!interventionRow(code)) issues.push({ field: `interventionCodes.${k}`, code: 'invalid_value', message: `unknown intervention ${code}` });
  });
  if (issues.length > 0) throw AppError.validation(issues);
  return { ...DEFAULT_PARAMETERS, ...request };
}

/** Runs the planner: the optimum and (unless `compare` is false) the 2017 hosting and the Bilag G models. */
export async function runPlan(ctx: ServiceContext, request: PlanRequest): Promise<PlanResultDto> {
  await requirePlanner(ctx, 'planning.solve');
  const p = parametersOf(request);
  const demand =
    request.demandSource === 'records' && request.periodFrom && request.periodTo
      ? demandFromCounts(p.municipalityCodes, p.interventionCodes, await countReferralsByHome(ctx.db, request.periodFrom, request.periodTo), request.periodFrom, request.periodTo)
      : expectedDemand(p.municipalityCodes, interventionRows(p.interventionCodes));
  const problems = instanceProblemsOf(p, demand);
  if (problems.length > 0) throw AppError.validation(problems.map((message) => ({ field: message.split(':')[0] ?? 'request', code: 'invalid_value', message })));
  const routes = await findHostingRoutes(ctx.db, HOSTING_2017_DAY);
  // Bilag K's rule with today's §140 thresholds (indexed yearly; the note's 25/60 kr are from before 2018).
  const threshold = await transportThresholdOn(ctx.db, danishDate(ctx.clock.now()));
  const transport: TransportParams = threshold
    ? { ...DEFAULT_TRANSPORT, pensionerMinDkk: threshold.pensionerMinDkk, nonPensionerMinDkk: threshold.nonPensionerMinDkk, distanceKm: threshold.distanceKm }
    : DEFAULT_TRANSPORT;
  return comparePlans(p, demand, routes, { timeLimitSeconds: request.timeLimitSeconds, compare: request.compare, request, transport, thresholdsFrom: threshold?.effectiveFrom ?? null });
}

function instanceProblemsOf(p: PlanParameters, demand: number[][]): string[] {
  const instance = buildInstance(p, demand);
  const placedWithoutDemand = instance.interventions.filter((_, i) => demand.every((row) => (row[i] ?? 0) <= 0)).map((iv) => `interventionCodes: no demand for ${iv.code} from the chosen source`);
  return placedWithoutDemand.length === instance.interventions.length ? ['demandSource: no demand at all for the chosen interventions and municipalities'] : [];
}

export async function saveScenario(ctx: ServiceContext, body: SaveScenarioBody): Promise<SavedScenarioDto> {
  await requirePlanner(ctx, 'planning_scenario.save');
  const optimum = body.result.scenarios.find((s) => s.key === 'optimum');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertScenario(trx, {
      name: body.name,
      status: optimum?.status ?? null,
      citizenKm: optimum?.citizenKm ?? null,
      municipalityCount: body.result.municipalities.length,
      result: body.result,
      createdBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
    });
    await audit(trx, ctx, [{ action: 'planning_scenario.save', citizenId: null, entityType: 'planning_scenario', entityId: id, outcome: 'allowed', detail: { municipalities: body.result.municipalities.length } }]);
    const saved = await findScenario(trx, id);
    if (!saved) throw AppError.notFound('Scenario');
    return saved;
  });
}

export async function getScenarios(ctx: ServiceContext): Promise<SavedScenarioList> {
  await requirePlanner(ctx, 'planning_scenario.read');
  return { scenarios: await listScenarios(ctx.db, 200) };
}

export async function getScenario(ctx: ServiceContext, id: string): Promise<SavedScenarioDto> {
  await requirePlanner(ctx, 'planning_scenario.read', id);
  const saved = await findScenario(ctx.db, id);
  if (!saved) throw AppError.notFound('Scenario');
  return saved;
}

/** A saved scenario for export, the export audited in the read's transaction. */
export async function scenarioForExport(ctx: ServiceContext, id: string, format: string): Promise<SavedScenarioDto> {
  await requirePlanner(ctx, 'planning_scenario.export', id);
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await findScenario(trx, id);
    if (!saved) throw AppError.notFound('Scenario');
    await audit(trx, ctx, [{ action: 'planning_scenario.export', citizenId: null, entityType: 'planning_scenario', entityId: id, outcome: 'allowed', detail: { format } }]);
    return saved;
  });
}
