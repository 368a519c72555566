import { z } from 'zod';
import { calendarDate, isoDate, text, uuid } from './common.ts';

export const courseIdParams = z.strictObject({ courseId: uuid });

export const assessmentAreas = ['physical', 'psychological', 'social', 'practical', 'existential', 'work_economy', 'relatives'] as const;
export const assessmentArea = z.enum(assessmentAreas);
export type AssessmentArea = z.infer<typeof assessmentArea>;

export const assessmentOccasions = ['initial', 'change', 'end'] as const;
export const assessmentOccasion = z.enum(assessmentOccasions);
export type AssessmentOccasion = z.infer<typeof assessmentOccasion>;

export const assessmentItem = z.object({ code: text, area: assessmentArea, labelDa: text, labelEn: text });
export type AssessmentItem = z.infer<typeof assessmentItem>;

/** The active items of "Støtte til livet med kræft", grouped per area in the areas' order. */
export const assessmentItemList = z.object({
  areas: z.array(z.object({ area: assessmentArea, items: z.array(assessmentItem) })),
});
export type AssessmentItemList = z.infer<typeof assessmentItemList>;

const requiredText = (max: number) => text.trim().min(1, 'is required').max(max);

export const needsAssessmentCreate = z.strictObject({
  occasion: assessmentOccasion,
  assessedOn: calendarDate,
  scaleScore: z.number().int().min(0).max(10),
  problems: z
    .array(z.strictObject({ itemCode: text.min(1).max(100), note: text.trim().max(2000).nullish() }))
    .max(100),
  whatMattersMost: requiredText(4000),
  professionalAssessment: requiredText(4000),
});
export type NeedsAssessmentCreate = z.input<typeof needsAssessmentCreate>;

export const needsAssessment = z.object({
  id: uuid,
  courseId: uuid,
  occasion: assessmentOccasion,
  assessedOn: isoDate,
  scaleScore: z.number().int().nullable(),
  problems: z.array(z.object({ itemCode: text, area: assessmentArea, labelDa: text, labelEn: text, note: text.nullable() })),
  whatMattersMost: text.nullable(),
  professionalAssessment: text.nullable(),
  recordedBy: text.nullable(),
  recordedAt: text,
});
export type NeedsAssessment = z.infer<typeof needsAssessment>;

/** What changed from the initial assessment to the latest later one, per area. */
export const assessmentChange = z.object({
  from: z.object({ id: uuid, occasion: assessmentOccasion, assessedOn: isoDate }),
  to: z.object({ id: uuid, occasion: assessmentOccasion, assessedOn: isoDate }),
  scoreChange: z.number().int().nullable(),
  areas: z.array(z.object({ area: assessmentArea, added: z.array(text), resolved: z.array(text), continuing: z.array(text) })),
});
export type AssessmentChange = z.infer<typeof assessmentChange>;

export const needsAssessmentList = z.object({
  assessments: z.array(needsAssessment),
  /** Null until there is an initial assessment and a later one. */
  change: assessmentChange.nullable(),
});
export type NeedsAssessmentList = z.infer<typeof needsAssessmentList>;
