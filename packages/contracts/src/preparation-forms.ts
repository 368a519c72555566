import { z } from 'zod';
import { assessmentArea, assessmentItemList } from './assessments.ts';
import { text, uuid } from './common.ts';

/**
 * The preparation form "Støtte til livet med kræft" in the citizen portal (issue 13.3, note §8.9):
 * sent by the contact person from the course, filled in by the citizen on their phone, and read by
 * the professional as a draft of the initial needs assessment. The citizen's answers stay theirs.
 */

/** Where the form is, derived from its dates: sent, opened by the citizen, answered (final). */
export const preparationFormStatuses = ['sent', 'opened', 'answered'] as const;
export const preparationFormStatus = z.enum(preparationFormStatuses);
export type PreparationFormStatus = z.infer<typeof preparationFormStatus>;

export const preparationFormIdParams = z.strictObject({ formId: uuid });

/** Send or remind: nothing to say but the course in the path. */
export const preparationFormSendBody = z.strictObject({}).nullish();

/**
 * The citizen's answers, saved as they go or submitted (final). Saving keeps whatever is there;
 * submitting needs the scale (the service names `scaleScore` when it is missing).
 */
export const preparationAnswersBody = z.strictObject({
  scaleScore: z.number().int().min(0).max(10).nullable(),
  /** Codes of the assessment items the citizen has problems with. */
  problems: z.array(text.min(1).max(100)).max(100),
  whatMattersMost: text.trim().max(4000).nullable(),
});
export type PreparationAnswersBody = z.input<typeof preparationAnswersBody>;

export const preparationAnswers = z.object({
  scaleScore: z.number().int().nullable(),
  problems: z.array(text),
  whatMattersMost: text.nullable(),
});
export type PreparationAnswers = z.infer<typeof preparationAnswers>;

// ── The citizen's side (/api/borger/preparation-forms) ──

/** One form the citizen has been sent (of an open course). */
export const myPreparationFormSummary = z.object({
  id: uuid,
  homeMunicipality: text,
  sentAt: text,
  status: preparationFormStatus,
  lastRemindedAt: text.nullable(),
  answeredAt: text.nullable(),
});
export type MyPreparationFormSummary = z.infer<typeof myPreparationFormSummary>;

export const myPreparationForms = z.object({ forms: z.array(myPreparationFormSummary) });
export type MyPreparationForms = z.infer<typeof myPreparationForms>;

/** The form to fill in: the items per area, what the citizen has saved, and whether they still may change it. */
export const myPreparationForm = myPreparationFormSummary.extend({
  contactPersonName: text.nullable(),
  items: assessmentItemList,
  answers: preparationAnswers,
  savedAt: text.nullable(),
  editable: z.boolean(),
});
export type MyPreparationForm = z.infer<typeof myPreparationForm>;

// ── The staff side (/api/courses/{courseId}/citizen-preparation-form) ──

/** The citizen's submitted answer as the professional reads it ("Borgerens egen besvarelse"). */
export const citizenPreparationAnswer = z.object({
  scaleScore: z.number().int().nullable(),
  problems: z.array(z.object({ itemCode: text, area: assessmentArea, labelDa: text, labelEn: text })),
  whatMattersMost: text.nullable(),
});
export type CitizenPreparationAnswer = z.infer<typeof citizenPreparationAnswer>;

/** What the professional's initial needs assessment starts from: the citizen's answers, to review and complete. */
export const needsAssessmentDraft = z.object({
  occasion: z.literal('initial'),
  scaleScore: z.number().int().nullable(),
  problems: z.array(z.object({ itemCode: text })),
  whatMattersMost: text,
});
export type NeedsAssessmentDraft = z.infer<typeof needsAssessmentDraft>;

export const coursePreparationForm = z.object({
  form: z
    .object({
      id: uuid,
      status: preparationFormStatus,
      sentAt: text,
      sentBy: text.nullable(),
      openedAt: text.nullable(),
      answeredAt: text.nullable(),
      reminderCount: z.number().int(),
      lastRemindedAt: text.nullable(),
      /** Only once submitted: what the citizen has saved before that is still theirs alone. */
      answer: citizenPreparationAnswer.nullable(),
    })
    .nullable(),
  /** Set while the citizen has answered and the course has no initial needs assessment yet. */
  draft: needsAssessmentDraft.nullable(),
  /** Why the form cannot be sent now, or null when it can (the user may write the course). */
  cannotSend: z.enum(['already_sent', 'initial_assessment_exists', 'course_closed', 'no_write']).nullable(),
});
export type CoursePreparationForm = z.infer<typeof coursePreparationForm>;
