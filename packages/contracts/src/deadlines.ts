import { z } from 'zod';
import { calendarDate, isoDate, text, uuid } from './common.ts';

export const deadlineKinds = [
  'first_contact',
  'initial_assessment',
  'cross_referral',
  'provider_contact',
  'deeper_assessment',
  'provider_start',
  'closing_conversation',
  'sul140_training_start',
] as const;
export const deadlineKind = z.enum(deadlineKinds);
export type DeadlineKind = z.infer<typeof deadlineKind>;

/** Deadlines the providing municipality must meet; each belongs to one cross-municipal referral. */
export const providerDeadlineKinds = ['provider_contact', 'deeper_assessment', 'provider_start'] as const satisfies readonly DeadlineKind[];

export const deadlineUnits = ['working_days', 'calendar_days', 'months'] as const;
export const deadlineUnit = z.enum(deadlineUnits);
export type DeadlineUnit = z.infer<typeof deadlineUnit>;

/** `due_soon`: due within 2 working days. `paused`: a pause is open (its clock stands still). */
export const deadlineStates = ['open', 'due_soon', 'overdue', 'met', 'met_late', 'paused'] as const;
export const deadlineState = z.enum(deadlineStates);
export type DeadlineState = z.infer<typeof deadlineState>;

export const pauseReasons = ['citizen_wish', 'hospital_admission', 'other'] as const;
export const pauseReason = z.enum(pauseReasons);
export type PauseReason = z.infer<typeof pauseReason>;

export const deadlinePolicyRef = z.object({ amount: z.number().int(), unit: deadlineUnit, effectiveFrom: isoDate });
export type DeadlinePolicyRef = z.infer<typeof deadlinePolicyRef>;

/** One deadline of a course, derived from its events and the policy in force when its clock started. */
export const deadline = z.object({
  kind: deadlineKind,
  actor: z.enum(['home', 'provider']),
  /** The municipality that must act, whose calendar counts the working days. */
  municipalityCode: text,
  crossReferralId: uuid.nullable(),
  clockStartedOn: isoDate,
  dueOn: isoDate,
  metOn: isoDate.nullable(),
  state: deadlineState,
  /** Working days the clock stood still (pauses); already added to `dueOn`. */
  pausedWorkingDays: z.number().int(),
  /**
   * Why the deadline was not kept on its own terms: `citizen` when only the pauses (the citizen's
   * wish, a hospital admission, …) kept it within its due date, `municipality` when it is or was
   * late even with the pauses counted; null when neither.
   */
  delayCause: z.enum(['citizen', 'municipality']).nullable(),
  /** The open pause, to resume it. */
  openPauseId: uuid.nullable(),
  policy: deadlinePolicyRef,
  /**
   * The law that set `dueOn` earlier than the rule would: `sul140` when the provider's start is
   * due by the statutory date of a §140 rehabilitation plan (Sundhedsloven §140); else null.
   */
  limitedBy: z.enum(['sul140']).nullable(),
});
export type Deadline = z.infer<typeof deadline>;

export const courseDeadlinesParams = z.strictObject({ courseId: uuid });

export const courseDeadlines = z.object({
  courseId: uuid,
  /** The Danish date the states were computed for. */
  asOf: isoDate,
  deadlines: z.array(deadline),
  /** The most urgent deadline still to meet (as the worklist ranks it), or null when all are met. */
  next: deadline.nullable(),
});
export type CourseDeadlines = z.infer<typeof courseDeadlines>;

export const deadlinePauseBody = z
  .strictObject({
    deadlineKind,
    /** Required for the provider's deadlines (one per cross-municipal referral); not allowed otherwise. */
    crossReferralId: uuid.optional(),
    pausedOn: calendarDate,
    reason: pauseReason,
    note: text.trim().min(1).max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when the reason is other', params: { code: 'note_required' } });
  });
export type DeadlinePauseBody = z.infer<typeof deadlinePauseBody>;

export const deadlinePauseParams = z.strictObject({ pauseId: uuid });
export const deadlineResumeBody = z.strictObject({ resumedOn: calendarDate });
export type DeadlineResumeBody = z.infer<typeof deadlineResumeBody>;

export const deadlinePause = z.object({
  id: uuid,
  courseId: uuid,
  deadlineKind,
  crossReferralId: uuid.nullable(),
  pausedOn: isoDate,
  resumedOn: isoDate.nullable(),
  reason: pauseReason,
  note: text.nullable(),
});
export type DeadlinePause = z.infer<typeof deadlinePause>;

export const deadlinePolicyBody = z.strictObject({
  kind: deadlineKind,
  amount: z.number().int().min(1).max(366),
  unit: deadlineUnit,
  effectiveFrom: calendarDate,
  source: text.trim().min(1).max(1000),
});
export type DeadlinePolicyBody = z.infer<typeof deadlinePolicyBody>;

export const deadlinePolicy = z.object({
  id: uuid,
  kind: deadlineKind,
  amount: z.number().int(),
  unit: deadlineUnit,
  effectiveFrom: isoDate,
  source: text,
});
export type DeadlinePolicy = z.infer<typeof deadlinePolicy>;

export const deadlinePolicies = z.object({ policies: z.array(deadlinePolicy) });
export type DeadlinePolicies = z.infer<typeof deadlinePolicies>;
