import { z } from 'zod';
import { isoDate, text, uuid } from './common.ts';
import { calendarDate } from './common.ts';
import { goalStatusUpdates } from './plans.ts';

export const followUpChannels = ['phone', 'in_person', 'video', 'home_visit'] as const;
export const followUpChannel = z.enum(followUpChannels);
export type FollowUpChannel = z.infer<typeof followUpChannel>;

export const followUpSchedule = z.strictObject({ plannedOn: calendarDate });
export type FollowUpSchedule = z.input<typeof followUpSchedule>;

export const followUpHeld = z.strictObject({
  heldOn: calendarDate,
  channel: followUpChannel,
  note: text.trim().min(1, 'is required').max(4000),
  /** The conversation led to a revision of the action plan (made on the plan page). */
  planRevised: z.boolean(),
  /** Each goal of the current action plan as judged at the follow-up (issue 10.22). */
  goals: goalStatusUpdates.optional(),
});
export type FollowUpHeld = z.input<typeof followUpHeld>;

export const followUpParams = z.strictObject({ followUpId: uuid });

export const followUp = z.object({
  id: uuid,
  courseId: uuid,
  plannedOn: isoDate,
  heldOn: isoDate.nullable(),
  channel: followUpChannel.nullable(),
  note: text.nullable(),
  planRevised: z.boolean(),
  recordedBy: text.nullable(),
  /** Planned, never held, and the course has closed: it no longer waits to be held. */
  lapsed: z.boolean(),
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpSuggestion = z.object({
  intervalDays: z.number().int(),
  suggestedOn: isoDate,
  basis: z.enum(['last_held', 'today']),
});
export type FollowUpSuggestion = z.infer<typeof followUpSuggestion>;

export const followUpList = z.object({
  citizenId: uuid,
  vulnerable: z.boolean(),
  followUps: z.array(followUp),
  /** The course's closing date: no more follow-ups are planned then. */
  courseClosedOn: isoDate.nullable(),
  suggestion: followUpSuggestion,
});
export type FollowUpList = z.infer<typeof followUpList>;

export const vulnerableParams = z.strictObject({ citizenId: uuid });
export const vulnerableUpdate = z.strictObject({
  vulnerable: z.boolean(),
  /** Why the flag is set or cleared (note §12.2); kept in the audit log with the change. */
  reason: text.trim().min(1, 'is required').max(2000),
});
export type VulnerableUpdate = z.input<typeof vulnerableUpdate>;
export const vulnerableResult = z.object({ citizenId: uuid, vulnerable: z.boolean() });
export type VulnerableResult = z.infer<typeof vulnerableResult>;
