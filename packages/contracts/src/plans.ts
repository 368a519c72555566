import { z } from 'zod';
import { isoDate, text, uuid } from './common.ts';
import { calendarDate } from './common.ts';
import { assessmentOccasion } from './assessments.ts';

export const goalStatuses = ['open', 'reached', 'partly_reached', 'not_reached', 'dropped'] as const;
export const goalStatus = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatus>;
/** Where a goal's status was judged. */
export const goalStatusOccasions = ['follow_up', 'closing'] as const;
export type GoalStatusOccasion = (typeof goalStatusOccasions)[number];

const requiredText = (max: number) => text.trim().min(1, 'is required').max(max);
const optionalText = (max: number) => text.trim().max(max).nullish();

/**
 * One version of the action plan, with every field note §8.9 asks for. Version 1 is the plan;
 * each later save is a revision and needs its reason.
 */
export const actionPlanCreate = z.strictObject({
  agreedOn: calendarDate,
  difficultiesAndNeeds: requiredText(4000),
  purposeAndContent: requiredText(4000),
  location: requiredText(1000),
  responsibilities: z
    .array(z.strictObject({ part: requiredText(500), responsible: requiredText(500) }))
    .min(1, 'name who is responsible for at least one part')
    .max(30),
  otherAdministrations: requiredText(2000),
  returnToWork: optionalText(2000),
  evaluationOn: calendarDate,
  evaluationBy: requiredText(500),
  firstFollowUpOn: calendarDate,
  goals: z
    .array(z.strictObject({ description: requiredText(1000), targetOn: calendarDate.nullish(), status: goalStatus.default('open') }))
    .min(1, 'add at least one goal')
    .max(30),
  revisionReason: optionalText(2000),
});
export type ActionPlanCreate = z.input<typeof actionPlanCreate>;

export const actionPlan = z.object({
  id: uuid,
  courseId: uuid,
  version: z.number().int(),
  agreedOn: isoDate,
  difficultiesAndNeeds: text,
  purposeAndContent: text,
  location: text,
  responsibilities: z.array(z.object({ part: text, responsible: text })),
  otherAdministrations: text.nullable(),
  returnToWork: text.nullable(),
  evaluationOn: isoDate.nullable(),
  evaluationBy: text.nullable(),
  firstFollowUpOn: isoDate,
  /** `status` is the latest judged (`statusRecordedOn`), else the one the version was saved with. */
  goals: z.array(z.object({ id: uuid, ordinal: z.number().int(), description: text, targetOn: isoDate.nullable(), status: goalStatus, statusRecordedOn: isoDate.nullable() })),
  revisionReason: text.nullable(),
  createdBy: text.nullable(),
  createdAt: text,
});
export type ActionPlan = z.infer<typeof actionPlan>;

export const actionPlanVersionSummary = z.object({
  version: z.number().int(),
  agreedOn: isoDate,
  revisionReason: text.nullable(),
  createdBy: text.nullable(),
  createdAt: text,
});
export type ActionPlanVersionSummary = z.infer<typeof actionPlanVersionSummary>;

export const actionPlanOverview = z.object({
  current: actionPlan.nullable(),
  versions: z.array(actionPlanVersionSummary),
});
export type ActionPlanOverview = z.infer<typeof actionPlanOverview>;

/**
 * A goal's status judged at a follow-up or at the closing conversation: the goals of the course's
 * current plan version, each once. Kept as history; the latest is the goal's status.
 */
export const goalStatusUpdates = z
  .array(z.strictObject({ goalId: uuid, status: goalStatus }))
  .max(30)
  .refine((goals) => new Set(goals.map((g) => g.goalId)).size === goals.length, { message: 'a goal is given twice', params: { code: 'duplicate' } });
export type GoalStatusUpdates = z.input<typeof goalStatusUpdates>;

/**
 * What a new plan starts from: the difficulties and needs found in the course's latest needs
 * assessment, as Danish text the contact person edits before saving. Null when none is recorded.
 */
export const actionPlanDraft = z.object({
  difficultiesAndNeeds: text.nullable(),
  basedOn: z.object({ assessmentId: uuid, occasion: assessmentOccasion, assessedOn: isoDate }).nullable(),
});
export type ActionPlanDraft = z.infer<typeof actionPlanDraft>;

export const actionPlanVersionParams = z.strictObject({ courseId: uuid, version: z.coerce.number().int().min(1).max(100_000) });
