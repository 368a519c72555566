import { z } from 'zod';
import { teamMode } from './teams.ts';
import { isoDate, municipalityRef, role, sex, text, uuid } from './common.ts';
import { providerReferralState } from './cross-referrals.ts';
import { deadline } from './deadlines.ts';

/** Where a home municipality's course stands — derived from its events, never stored. */
export const courseSteps = [
  'received',
  'first_contact',
  'assessed',
  'planned',
  'referred_on',
  'in_intervention',
  'closing',
  'closed',
] as const;
export const courseStep = z.enum(courseSteps);
export type CourseStep = z.infer<typeof courseStep>;

export const citizenSummary = z.object({
  id: uuid,
  name: text,
  /** `DDMMYY-SSSS`, or the pseudonym of a synthetic citizen. */
  identifier: text,
  birthDate: isoDate,
  sex,
  protected: z.boolean(),
  vulnerable: z.boolean(),
});
export type CitizenSummary = z.infer<typeof citizenSummary>;

export const courseSummary = z.object({
  courseId: uuid,
  referralId: uuid,
  citizen: citizenSummary,
  receivedOn: isoDate,
  source: text,
  diagnosis: z.object({ code: text, title: text }).nullable(),
  step: courseStep,
  contactPerson: z.object({ id: uuid, name: text }).nullable(),
});
export type CourseSummary = z.infer<typeof courseSummary>;

/** A course on a start page, with the deadline it must meet next (the server's deadline engine). */
export const startCourse = courseSummary.extend({
  /** The most urgent deadline not yet met, or null; lists put the most urgent course first. */
  nextDeadline: deadline.nullable(),
});
export type StartCourse = z.infer<typeof startCourse>;

export const teamSummary = z.object({
  id: uuid,
  name: text,
  intervention: z.object({ code: text, name: text }),
  mode: teamMode,
  capacity: z.number().int(),
  enrolled: z.number().int(),
  waiting: z.number().int(),
  startsOn: isoDate,
  /** ISO weekday (1 = Monday), local start time `HH:MM`, length in minutes. */
  schedule: z.array(z.object({ weekday: z.number().int().min(1).max(7), startTime: text, durationMinutes: z.number().int() })),
});
export type TeamSummary = z.infer<typeof teamSummary>;

/** What a providing municipality sees of a cross-municipal referral in its list. */
export const incomingReferralSummary = z.object({
  id: uuid,
  citizen: citizenSummary,
  intervention: z.object({ code: text, name: text }),
  homeMunicipality: municipalityRef,
  receivedOn: isoDate,
  state: providerReferralState,
});
export type IncomingReferralSummary = z.infer<typeof incomingReferralSummary>;

export const municipalityCounts = z.object({
  municipality: municipalityRef,
  referrals: z.number().int(),
  openCourses: z.number().int(),
  referredToOthers: z.number().int(),
  receivedFromOthers: z.number().int(),
});
export type MunicipalityCounts = z.infer<typeof municipalityCounts>;

export const startPage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contact_person'),
    municipality: municipalityRef,
    myCourses: z.array(startCourse),
    unassigned: z.array(startCourse),
  }),
  z.object({
    kind: z.literal('therapist'),
    municipality: municipalityRef,
    teams: z.array(teamSummary),
    referrals: z.array(incomingReferralSummary),
  }),
  z.object({
    kind: z.literal('municipal_lead'),
    municipality: municipalityRef,
    stepCounts: z.array(z.object({ step: courseStep, count: z.number().int() })),
    unassigned: z.array(startCourse),
    staff: z.array(z.object({ id: uuid, name: text, roles: z.array(role), openCourses: z.number().int() })),
  }),
  z.object({
    kind: z.literal('coordinator'),
    year: z.number().int(),
    municipalities: z.array(municipalityCounts),
  }),
  z.object({
    kind: z.literal('administrator'),
    users: z.number().int(),
    municipalities: z.number().int(),
    interventions: z.number().int(),
    offerings: z.number().int(),
    auditEventsToday: z.number().int(),
  }),
  /** The data-protection role: its municipality; the review itself is its own page. */
  z.object({
    kind: z.literal('auditor'),
    municipality: municipalityRef,
  }),
]);
export type StartPage = z.infer<typeof startPage>;

export const startQuery = z.strictObject({ role: role.optional() });
