import { z } from 'zod';
import { calendarDate, isoDate, municipalityCode, text, uuid } from './common.ts';

export const crossReferralParams = z.strictObject({ crossReferralId: uuid });
export const municipalityParams = z.strictObject({ code: municipalityCode });

/** What the home municipality knows that the database does not (yet) record. */
export const transportQuery = z.strictObject({
  conditionExcludesPublicTransport: z.enum(['true', 'false']).optional(),
  cheapestCostDkk: z.coerce.number().min(0).max(100000).optional(),
});
export type TransportQuery = z.infer<typeof transportQuery>;

export const transportResult = z.object({
  crossReferralId: uuid,
  legalBasis: text.nullable(),
  pensioner: z.boolean(),
  homeMunicipalityCode: text,
  providerMunicipalityCode: text,
  onDate: isoDate,
  rule: z.enum(['sul140_right', 'sul140_no_right', 'sul119_no_right', 'sel86_no_general_right', 'legal_basis_unknown']),
  entitled: z.boolean(),
  reasons: z.array(z.enum(['pensioner', 'distance_over_limit', 'condition'])),
  reimbursement: z.enum(['reimbursed', 'below_threshold', 'cost_unknown', 'no_threshold', 'not_applicable']),
  threshold: z
    .object({ year: z.number(), thresholdFrom: z.number(), assumed: z.boolean(), minDkk: z.number(), pensionerMinDkk: z.number(), nonPensionerMinDkk: z.number(), source: text })
    .nullable(),
  distance: z.object({ km: z.number().nullable(), limitKm: z.number(), basis: z.literal('town_hall_to_town_hall') }),
  serviceLevel: z.object({ textDa: text.nullable(), coPaymentDkk: z.number().nullable() }).nullable(),
  flextur: z.object({ available: z.boolean(), homeMember: z.boolean(), providerMember: z.boolean() }),
  explanationDa: z.array(text),
});
export type TransportResultDto = z.infer<typeof transportResult>;

export const municipalityTransport = z.object({
  municipalityCode: text,
  municipalityName: text,
  effectiveFrom: isoDate.nullable(),
  flexturMember: z.boolean(),
  serviceLevelDa: text.nullable(),
  coPaymentDkk: z.number().nullable(),
  history: z.array(z.object({ effectiveFrom: isoDate, flexturMember: z.boolean(), serviceLevelDa: text.nullable(), coPaymentDkk: z.number().nullable() })),
});
export type MunicipalityTransport = z.infer<typeof municipalityTransport>;

export const municipalityTransportBody = z.strictObject({
  effectiveFrom: calendarDate,
  flexturMember: z.boolean(),
  serviceLevelDa: text.trim().max(2000).nullable(),
  coPaymentDkk: z.number().min(0).max(100000).nullable(),
});
export type MunicipalityTransportBody = z.infer<typeof municipalityTransportBody>;

export const transportRule = z.object({
  effectiveFrom: isoDate,
  year: z.number(),
  pensionerMinDkk: z.number(),
  nonPensionerMinDkk: z.number(),
  distanceKm: z.number(),
  source: text,
});
export type TransportRule = z.infer<typeof transportRule>;
export const transportRules = z.object({ items: z.array(transportRule) });
export type TransportRules = z.infer<typeof transportRules>;

/** An administrator adds a year's thresholds; they apply from 1 January of that year. */
export const transportRuleBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  pensionerMinDkk: z.number().min(0).max(10000),
  nonPensionerMinDkk: z.number().min(0).max(10000),
  // Stored to one decimal (numeric(6, 1)): less than 0.1 km would be stored as 0.
  distanceKm: z.number().min(0.1).max(1000).default(50),
  source: text.trim().min(1, 'must not be empty').max(500),
});
export type TransportRuleBody = z.infer<typeof transportRuleBody>;
