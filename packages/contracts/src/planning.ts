import { z } from 'zod';
import { isoDate, municipalityCode, text, uuid } from './common.ts';

/** How a plan ended: proven optimal, a solution within a gap, no solution (infeasible or out of time). */
export const planStatuses = ['optimal', 'gap', 'infeasible', 'no_solution'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planDemandSources = ['expected', 'records'] as const;
export type PlanDemandSource = (typeof planDemandSources)[number];

/** The scenarios put side by side: the optimum, the 2017 hosting, the four models of note Figure 1 and Bilag G. */
export const planScenarioKeys = ['optimum', 'hosting_2017', 'figure1', 'g_decentral', 'g_central_training', 'g_three_centres'] as const;
export type PlanScenarioKey = (typeof planScenarioKeys)[number];

const interventionCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an intervention code');

export const planRequest = z
  .strictObject({
    municipalityCodes: z.array(municipalityCode).min(2, 'choose at least two municipalities').max(98),
    interventionCodes: z.array(interventionCode).min(1, 'choose at least one intervention').max(30),
    demandSource: z.enum(planDemandSources).default('expected'),
    /** The records' period, for demand from the records. */
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    teamSize: z.number().int().min(2).max(40).default(12),
    parallelTeams: z.number().int().min(1).max(20).default(4),
    weeksPerYear: z.number().int().min(10).max(52).default(46),
    maxHosts: z.number().int().min(1).max(98).nullable().default(null),
    costNeutralityTolerance: z.number().min(0).max(10).nullable().default(null),
    everyHostsTargetGroup: z.boolean().default(true),
    patientEducationRotates: z.boolean().default(true),
    timeLimitSeconds: z.number().int().min(1).max(120).default(30),
    /** Compare the 2017 hosting and the Bilag G models too (false: the optimum only). */
    compare: z.boolean().default(true),
  })
  .refine((r) => r.demandSource !== 'records' || (r.periodFrom !== undefined && r.periodTo !== undefined), { message: 'periodFrom and periodTo: required for demand from the records', path: ['periodFrom'] })
  .refine((r) => new Set(r.municipalityCodes).size === r.municipalityCodes.length, { message: 'municipalityCodes: each municipality once', path: ['municipalityCodes'] });
export type PlanRequest = z.infer<typeof planRequest>;

const municipalityLoad = z.object({
  code: text,
  name: text,
  hosted: z.array(text),
  citizensServed: z.number(),
  delivered: z.number(),
  received: z.number(),
  net: z.number(),
});

const flow = z.object({ interventionCode: text, home: text, host: text, citizens: z.number(), km: z.number() });

export const planScenario = z.object({
  key: z.enum(planScenarioKeys),
  status: z.enum(planStatuses).nullable(),
  gap: z.number().nullable(),
  seconds: z.number().nullable(),
  citizens: z.number(),
  unservedCitizens: z.number(),
  citizenKm: z.number().nullable(),
  kmPerCitizen: z.number().nullable(),
  longestTripKm: z.number().nullable(),
  transportCostDkk: z.number().nullable(),
  hostCount: z.number(),
  municipalities: z.array(municipalityLoad),
  flows: z.array(flow),
  violations: z.array(text),
});
export type PlanScenarioDto = z.infer<typeof planScenario>;

/** Bilag K's transport cost: the assumptions, and the §140 thresholds in force (from the transport feature's table). */
export const planTransport = z.object({
  gopShare: z.number(),
  pensionerShare: z.number(),
  kmRateDkk: z.number(),
  pensionerMinDkk: z.number(),
  nonPensionerMinDkk: z.number(),
  distanceKm: z.number(),
  /** The day the thresholds took effect; null when none is set and the note's 25/60 kr are used. */
  thresholdsFrom: text.nullable(),
});
export type PlanTransportDto = z.infer<typeof planTransport>;

export const planResult = z.object({
  request: z.unknown(),
  /** Absent in scenarios saved before the thresholds were read from the transport table. */
  transport: planTransport.optional(),
  solver: text,
  municipalities: z.array(z.object({ code: text, name: text, lat: z.number(), lon: z.number() })),
  interventions: z.array(z.object({ code: text, nameDa: text, kind: text, capacity: z.number(), maxHosts: z.number(), demand: z.number() })),
  scenarios: z.array(planScenario),
  lp: text,
  solution: z.unknown(),
});
export type PlanResultDto = z.infer<typeof planResult>;

/** A saved result names 1 to 99 municipalities (the table's check): an empty one is refused here, not by the database as a 500. */
export const saveScenarioBody = z.strictObject({
  name: z.string().trim().min(1, 'name: required').max(200),
  result: planResult.extend({ municipalities: planResult.shape.municipalities.min(1).max(99) }),
});
export type SaveScenarioBody = z.infer<typeof saveScenarioBody>;

export const savedScenarioSummary = z.object({ id: uuid, name: text, createdAt: text, createdByName: text.nullable(), status: z.enum(planStatuses).nullable(), citizenKm: z.number().nullable(), municipalityCount: z.number() });
export const savedScenarioList = z.object({ scenarios: z.array(savedScenarioSummary) });
export type SavedScenarioList = z.infer<typeof savedScenarioList>;

export const savedScenario = savedScenarioSummary.extend({ result: planResult });
export type SavedScenarioDto = z.infer<typeof savedScenario>;

export const scenarioParams = z.strictObject({ id: uuid });
export const planExportFormats = ['lp', 'json', 'xlsx', 'pdf'] as const;
export const scenarioExportQuery = z.strictObject({ format: z.enum(planExportFormats) });
