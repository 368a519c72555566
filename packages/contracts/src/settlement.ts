import { z } from 'zod';
import { isoDate, municipalityCode, text, uuid } from './common.ts';

/*
 * The activity ledger and settlement (issue 14.1): units one municipality delivered to another
 * municipality's citizens, valued by effective-dated tariffs, as a cost-neutral statement (Bilag C's
 * default) or a net settlement per pair of municipalities that locks the period.
 */

/**
 * What a delivered unit is. `session`: a team session the citizen attended; `course`: a
 * cross-municipal course started. Individual work time is not recorded in Samkraft, so there is no
 * hour unit (ARCHITECTURE.md, settlement).
 */
export const settlementUnits = ['session', 'course'] as const;
export type SettlementUnit = (typeof settlementUnits)[number];

/** Where a tariff comes from: an indicative tariff (vejledende takst) or one the municipalities agreed. */
export const tariffSources = ['indicative', 'agreed'] as const;
export type TariffSource = (typeof tariffSources)[number];

/** cost_neutral: a statement only (Bilag C's default); net: a settlement per pair, which locks the period. */
export const settlementModes = ['cost_neutral', 'net'] as const;
export type SettlementMode = (typeof settlementModes)[number];

const kroner = z.number().positive().max(1_000_000).multipleOf(0.01);

export const settlementStatementQuery = z.strictObject({ from: isoDate, to: isoDate, mode: z.enum(settlementModes) });
export const settlementFileQuery = settlementStatementQuery.extend({ format: z.enum(['pdf', 'xlsx']) });
export type SettlementFileFormat = z.infer<typeof settlementFileQuery>['format'];
export type SettlementStatementQuery = z.infer<typeof settlementStatementQuery>;

export const settlementLockBody = z.strictObject({ from: isoDate, to: isoDate });
export type SettlementLockBody = z.infer<typeof settlementLockBody>;

export const tariff = z.object({
  id: uuid,
  providerMunicipalityCode: text.nullable(),
  providerName: text.nullable(),
  interventionCode: text,
  interventionName: text,
  unit: z.enum(settlementUnits),
  priceKr: z.number(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  source: z.enum(tariffSources),
  sourceNote: text,
});
export type Tariff = z.infer<typeof tariff>;
export const tariffList = z.object({ tariffs: z.array(tariff) });
export type TariffList = z.infer<typeof tariffList>;

export const tariffBody = z.strictObject({
  providerMunicipalityCode: municipalityCode.nullable(),
  interventionCode: z.string().regex(/^[a-z][a-z0-9_]*$/).max(50),
  unit: z.enum(settlementUnits),
  priceKr: kroner,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  source: z.enum(tariffSources),
  sourceNote: text.trim().min(1).max(500),
});
export type TariffBody = z.infer<typeof tariffBody>;

export const tariffParams = z.strictObject({ id: uuid });
export const tariffEndBody = z.strictObject({ validTo: isoDate });
export type TariffEndBody = z.infer<typeof tariffEndBody>;

/** One line of a statement: a provider's units of one kind to one home municipality's citizens, at one price. */
export const settlementLine = z.object({
  provider: text,
  home: text,
  interventionCode: text,
  unit: z.enum(settlementUnits),
  units: z.number().int(),
  priceKr: z.number().nullable(),
  amountKr: z.number(),
  /** Set on a correction line: the settled period it corrects. */
  corrects: z.object({ from: isoDate, to: isoDate }).nullable(),
});
export type SettlementLine = z.infer<typeof settlementLine>;

/** Per municipality: delivered to others, received from others, the net, and how far from neutral. */
export const municipalityBalance = z.object({
  code: text,
  name: text,
  deliveredUnits: z.number().int(),
  deliveredKr: z.number(),
  receivedUnits: z.number().int(),
  receivedKr: z.number(),
  /** delivered − received, in kroner: positive = the others owe it. */
  netKr: z.number(),
  /** |net| as a share of the larger of delivered and received (0 = neutral); null when both are 0. */
  deviationShare: z.number().nullable(),
});
export type MunicipalityBalance = z.infer<typeof municipalityBalance>;

/** Per pair in net mode: who pays whom how much (0 = even). */
export const pairSettlement = z.object({
  payer: text,
  payerName: text,
  payee: text,
  payeeName: text,
  payerReceivedKr: z.number(),
  payeeReceivedKr: z.number(),
  amountKr: z.number(),
});
export type PairSettlement = z.infer<typeof pairSettlement>;

export const settlementStatement = z.object({
  period: z.object({ from: isoDate, to: isoDate }),
  mode: z.enum(settlementModes),
  /** The settlement that locked this period, if one did (its lines are then the stored ones). */
  locked: z.object({ id: uuid, lockedAt: z.string(), lockedBy: text }).nullable(),
  /** Whether the actor may lock this period now (net mode, coordinator, nothing locked after or over it). */
  canLock: z.boolean(),
  municipalities: z.array(municipalityBalance),
  pairs: z.array(pairSettlement),
  lines: z.array(settlementLine),
  interventionNames: z.record(z.string(), text),
  /** The name of every municipality a line names. */
  municipalityNames: z.record(z.string(), text),
  /** Units delivered that had no tariff on their day (counted, valued 0). */
  unpricedUnits: z.number().int(),
});
export type SettlementStatement = z.infer<typeof settlementStatement>;

export const settlementSummary = z.object({ id: uuid, from: isoDate, to: isoDate, lockedAt: z.string(), lockedBy: text, totalKr: z.number() });
export const settlementList = z.object({ settlements: z.array(settlementSummary) });
export type SettlementList = z.infer<typeof settlementList>;
