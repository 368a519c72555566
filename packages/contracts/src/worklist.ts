import { z } from 'zod';
import { isoDate, text, uuid } from './common.ts';
import { closeReasons } from './courses.ts';
import { deadline } from './deadlines.ts';
import { courseStep, courseSummary } from './start.ts';

export const nextSteps = ['first_contact', 'initial_assessment', 'action_plan', 'cross_referral', 'await_provider', 'follow_up', 'closing_conversation', 'none'] as const;
export const nextStep = z.enum(nextSteps);
export type NextStep = z.infer<typeof nextStep>;

export const worklistScopes = ['mine', 'unassigned', 'municipality'] as const;
/** The state of a course's next deadline; `none` when no deadline is running. */
export const worklistStates = ['overdue', 'due_soon', 'open', 'paused', 'none'] as const;
export const worklistState = z.enum(worklistStates);
export type WorklistState = z.infer<typeof worklistState>;

export const worklistQuery = z.strictObject({
  scope: z.enum(worklistScopes).default('mine'),
  state: worklistState.optional(),
  step: courseStep.optional(),
  /** Leads only: one contact person's courses. */
  contactPersonId: uuid.optional(),
  /** Paging: the first item to return (0-based) and how many, most urgent first. */
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type WorklistQuery = z.input<typeof worklistQuery>;

export const worklistItem = courseSummary.extend({
  nextStep,
  /** The most urgent deadline not yet met, computed by the one deadline engine on the server. */
  nextDeadline: deadline.nullable(),
  state: worklistState,
});
export type WorklistItem = z.infer<typeof worklistItem>;

export const worklist = z.object({
  scope: z.enum(worklistScopes),
  asOf: text,
  /** Counts per state over the scope, before the state and step filters. */
  counts: z.object({ overdue: z.number().int(), due_soon: z.number().int(), open: z.number().int(), paused: z.number().int(), none: z.number().int() }),
  /** Items matching the state and step filters; `items` is the page of them from `offset`. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  items: z.array(worklistItem),
});
export type Worklist = z.infer<typeof worklist>;

/** A page of the home municipality's closed courses, the most recently closed first. */
export const closedCoursesQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClosedCoursesQuery = z.input<typeof closedCoursesQuery>;

export const closedCourseItem = courseSummary.extend({ closedOn: isoDate, closeReason: z.enum(closeReasons) });
export type ClosedCourseItem = z.infer<typeof closedCourseItem>;

export const closedCourses = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  items: z.array(closedCourseItem),
});
export type ClosedCourses = z.infer<typeof closedCourses>;
