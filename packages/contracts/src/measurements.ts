import { z } from 'zod';
import { text } from './common.ts';

export const standardTests = ['chair_stand_30s', 'six_minute_walk', 'weight', 'grip_strength'] as const;
export const standardTest = z.enum(standardTests);
export type StandardTest = z.infer<typeof standardTest>;
/** A measurement's stored test code: a standard test, or `other`. */
export const measurementTestCodes = [...standardTests, 'other'] as const;
export type MeasurementTestCode = (typeof measurementTestCodes)[number];
/** The unit of each standard test is fixed, so two assessments can be compared. */
export const standardTestUnits: Record<StandardTest, string> = { chair_stand_30s: 'rejsninger', six_minute_walk: 'm', weight: 'kg', grip_strength: 'kg' };

/** What a number field accepts: a plausible range (inclusive) and how many decimals. */
export type NumberRule = { min: number; max: number; decimals: number };

/**
 * The plausible values of each standard test, for adults in cancer rehabilitation. A value
 * outside is a typing error (a lost decimal comma: 785 kg), not a measurement, and is refused
 * naming the field; a value inside is kept as typed.
 */
export const standardTestRules: Record<StandardTest, NumberRule> = {
  // 30-second chair stand: the number of full stands in 30 s, a whole count. 0 = could not
  // stand without the arms; healthy adults manage 12–20, trained young ones under 30; 60 would
  // be one every half second, beyond what a body can do.
  chair_stand_30s: { min: 0, max: 60, decimals: 0 },
  // Six-minute walk test: metres walked in 6 min on a measured corridor, whole metres (the
  // protocol counts laps plus the last part). 0 = could not walk; healthy adults walk 400–700 m;
  // 1000 m would be a 10 km/h walk for six minutes.
  six_minute_walk: { min: 0, max: 1000, decimals: 0 },
  // Body weight in kg to one decimal (a clinic scale's 100 g). An adult under 20 kg or over
  // 300 kg is outside any scale in a municipal training room.
  weight: { min: 20, max: 300, decimals: 1 },
  // Hand-grip strength in kg, one decimal: the Jamar dynamometer reads 0–90 kg; 100 leaves room
  // for other dynamometers. 0 = no grip.
  grip_strength: { min: 0, max: 100, decimals: 1 },
};

/** Why a number is refused, as a field error code of `fieldErrorCodes` with its parameters. */
export type NumberIssue = { code: 'out_of_range'; params: { minimum: number; maximum: number } } | { code: 'whole_number' } | { code: 'too_many_decimals'; params: { decimals: number } };

/** Whether a number keeps its rule; `null` when it does. Rounding noise (78.50000001) is not a decimal. */
export function numberIssue(value: number, rule: NumberRule): NumberIssue | null {
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) return { code: 'out_of_range', params: { minimum: rule.min, maximum: rule.max } };
  const scaled = value * 10 ** rule.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return rule.decimals === 0 ? { code: 'whole_number' } : { code: 'too_many_decimals', params: { decimals: rule.decimals } };
  return null;
}

/** A zod refinement of a `{ testCode, value }` object: the value in its test's plausible range, the issue on `value`. */
export function refineMeasurement(m: { testCode: StandardTest; value: number }, ctx: z.RefinementCtx): void {
  const rule = standardTestRules[m.testCode];
  const issue = numberIssue(m.value, rule);
  if (!issue) return;
  ctx.addIssue({
    code: 'custom',
    path: ['value'],
    message: `must be ${rule.min}–${rule.max} ${standardTestUnits[m.testCode]} with at most ${rule.decimals} decimals`,
    params: { code: issue.code, ...('params' in issue ? issue.params : {}) },
  });
}

export const measurement = z.strictObject({ testCode: standardTest, value: z.number() }).superRefine(refineMeasurement);

/** A correction of one recorded measurement: the new value and why. The old value is kept. */
export const measurementCorrectionBody = z.strictObject({ testCode: standardTest, value: z.number(), reason: text.trim().min(1).max(1000) }).superRefine(refineMeasurement);

/** One version of a measurement: the first recording, or a correction of it. */
export const measurementVersion = z.object({
  version: z.number().int(),
  value: z.number(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  reason: z.string().nullable(),
});

/** A measurement as it stands (its latest version), with every version, oldest first. */
export const recordedMeasurement = z.object({ testCode: standardTest, value: z.number(), unit: z.string(), versions: z.array(measurementVersion) });
export type RecordedMeasurement = z.infer<typeof recordedMeasurement>;
