import type { ServiceContext } from '../../platform/context.ts';
import { accessLogEntriesFor } from '../access-log/access-log.service.ts';
import { getNeedsAssessments } from '../assessments/assessment.service.ts';
import { getCoursePreparationForm } from '../assessments/preparation-form.service.ts';
import { readAllOwnTeamSessions } from '../citizen-appointments/appointments.service.ts';
import { getClosing } from '../closings/closing.service.ts';
import { getCourseOverview } from '../courses/course-overview.service.ts';
import { getCourseCrossReferrals } from '../cross-referrals/cross-referral.service.ts';
import { getCourseDeadlines } from '../deadlines/deadline.service.ts';
import { getFollowUps } from '../follow-ups/follow-up.service.ts';
import { getCourseRelatives } from '../relatives/relative.service.ts';
import { getCourseHospitalStay } from '../hospital-notifications/hospital-notification.service.ts';
import { listCourseCorrespondence } from '../messaging/correspondence.service.ts';
import { providerRecordsForOwnDownload } from '../provider-inbox/provider-records-for-citizen.service.ts';
import { getPlanOverview, getPlanVersion } from '../plans/plan.service.ts';
import { getCourseStatusNotes } from '../status-notes/status-note.service.ts';

/*
 * What the aktindsigt holds, one entry per kind of record: its heading, the tables it covers and
 * how it is read — always through the owning feature's service, with the actor's access rule and
 * audit (the citizen themself, or the home municipality's staff). The FHIR Bundle (the FHIR API's
 * resources) comes first; these sections add what the FHIR API does not carry, or carries only in
 * part. `my-data-coverage.db.test.ts` reads the database catalogue and fails on a table with a
 * citizen, course, cross-referral or enrolment column that is neither covered here nor excluded
 * below with a reason.
 */

export type Subject = { citizenId: string; courseIds: readonly string[] };
export type Words = { da: string; en: string };

export type MyDataSection = {
  key: string;
  title: Words;
  /** The tables whose rows this entry carries (in part or whole). */
  tables: readonly string[];
  collect: (ctx: ServiceContext, subject: Subject) => Promise<unknown[]>;
};

/** The tables the FHIR Bundle carries (Patient, ServiceRequest, CarePlan, Goal, QuestionnaireResponse, Communication, Task). */
export const fhirTables: readonly string[] = [
  'citizen',
  'referral',
  'course',
  'action_plan',
  'action_plan_responsibility',
  'plan_goal',
  'plan_goal_status',
  'needs_assessment',
  'needs_assessment_problem',
  'closing_conversation',
  'closing_note',
  'cross_referral',
  'status_note',
];

/** Each course's records through one service. */
const perCourse =
  <T>(read: (ctx: ServiceContext, courseId: string) => Promise<T>) =>
  async (ctx: ServiceContext, s: Subject): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (const courseId of s.courseIds) out.push({ courseId, ...(await read(ctx, courseId)) });
    return out;
  };

/**
 * The providing municipalities' own records: in the citizen's own download only (the read answers
 * null for anyone else); the home municipality's staff may not read them (cross-municipal access
 * rule), so their file says where to ask instead.
 */
const citizenOnly =
  (read: (ctx: ServiceContext) => Promise<readonly unknown[] | null>, what: string) =>
  async (ctx: ServiceContext): Promise<unknown[]> =>
    [...((await read(ctx)) ?? [{ note: `The providing municipality's ${what} are given in the citizen's own download; the home municipality may not read them (cross-municipal access rule) — the providing municipality answers a written request for them.` }])];

export const myDataSections: readonly MyDataSection[] = [
  {
    key: 'courses',
    title: { da: 'Forløb, henvisning, kontaktpersoner og kontakter', en: 'Courses, referral, contact persons and contacts' },
    tables: ['course', 'referral', 'course_assignment', 'course_contact'],
    collect: perCourse(async (ctx, id) => {
      const { permissions: _p, assignable: _a, ...course } = await getCourseOverview(ctx, id);
      return course;
    }),
  },
  {
    key: 'plans',
    title: { da: 'Handleplaner (alle versioner)', en: 'Action plans (every version)' },
    tables: ['action_plan', 'action_plan_responsibility', 'plan_goal', 'plan_goal_status'],
    collect: perCourse(async (ctx, id) => {
      const overview = await getPlanOverview(ctx, id);
      const versions = [];
      for (const v of overview.versions) versions.push(v.version === overview.current?.version ? overview.current : await getPlanVersion(ctx, id, v.version));
      return { versions };
    }),
  },
  {
    key: 'needsAssessments',
    title: { da: 'Behovsvurderinger', en: 'Needs assessments' },
    tables: ['needs_assessment', 'needs_assessment_problem'],
    collect: perCourse(getNeedsAssessments),
  },
  {
    key: 'preparationForms',
    title: { da: 'Forberedelsesskema (din egen besvarelse)', en: 'Preparation form (your own answer)' },
    tables: ['preparation_form'],
    collect: perCourse(async (ctx, id) => {
      const { form } = await getCoursePreparationForm(ctx, id);
      return { form };
    }),
  },
  {
    key: 'relatives',
    title: { da: 'Pårørende i forløbet', en: 'Relatives in the course' },
    tables: ['course_relative'],
    collect: perCourse(getCourseRelatives),
  },
  {
    key: 'followUps',
    title: { da: 'Opfølgningssamtaler', en: 'Follow-up conversations' },
    tables: ['follow_up'],
    collect: perCourse(async (ctx, id) => {
      const { suggestion: _s, ...list } = await getFollowUps(ctx, id);
      return list;
    }),
  },
  {
    key: 'crossReferrals',
    title: { da: 'Henvisninger til tilbud i andre kommuner', en: 'Referrals to services in other municipalities' },
    tables: ['cross_referral', 'cross_referral_update', 'decline'],
    collect: perCourse(async (ctx, id) => {
      const { crossReferrals } = await getCourseCrossReferrals(ctx, id);
      return { crossReferrals };
    }),
  },
  {
    key: 'teamSessions',
    title: { da: 'Hold og fremmøde (dine afbud og tilbuddets registreringer)', en: 'Teams and attendance (your cancellations and the service’s records)' },
    tables: ['enrolment', 'attendance'],
    collect: citizenOnly(readAllOwnTeamSessions, 'team places and attendance'),
  },
  {
    key: 'providerRecords',
    title: { da: 'Tilbuddets uddybende vurderinger og mål med dig', en: 'The service’s deeper assessments and goals with you' },
    tables: ['deeper_assessment', 'deeper_assessment_test', 'provider_goal'],
    collect: citizenOnly(providerRecordsForOwnDownload, 'deeper assessments and goals'),
  },
  {
    key: 'statusNotes',
    title: { da: 'Statusnotater fra tilbuddet', en: 'Status notes from the service' },
    tables: ['status_note'],
    collect: perCourse(getCourseStatusNotes),
  },
  {
    key: 'deadlines',
    title: { da: 'Frister og pauser', en: 'Deadlines and pauses' },
    tables: ['deadline_pause'],
    collect: perCourse(getCourseDeadlines),
  },
  {
    key: 'closing',
    title: { da: 'Afslutningssamtale og afslutningsnotat', en: 'Closing conversation and closing note' },
    tables: ['closing_conversation', 'closing_note'],
    collect: perCourse(getClosing),
  },
  {
    key: 'hospitalStays',
    title: { da: 'Indlæggelser, som hospitalet har meddelt', en: 'Hospital stays notified by the hospital' },
    tables: ['hospital_stay'],
    collect: perCourse(getCourseHospitalStay),
  },
  {
    key: 'messages',
    title: { da: 'Beskeder med hospital og læge', en: 'Messages with hospital and doctor' },
    tables: ['message'],
    collect: perCourse(listCourseCorrespondence),
  },
  {
    key: 'accessLog',
    title: { da: 'Hvem har set dine oplysninger', en: 'Who has seen your information' },
    tables: ['audit_event'],
    collect: async (ctx, s) => accessLogEntriesFor(ctx, s.citizenId),
  },
];

/**
 * Tables with a citizen, course, cross-referral or enrolment column that the aktindsigt leaves
 * out, each with why. The lead adds the tables of other work here or above at merge.
 */
export const myDataExcluded: Readonly<Record<string, string>> = {
  citizen_calendar_feed:
    "The citizen's calendar link: only a hash of its secret and when it was turned on or renewed; the sessions it shows are the appointments, and each read of it is in the access log.",
  citizen_session:
    'Sign-in sessions: a hashed token with its expiry, deleted within the hour; it holds nothing about the citizen but that they were signed in.',
  kl_gateway_delivered_bundle:
    'The delivery log of the statutory KL Gateway reports: hashes of reports made from the records above; each report shows in the access log.',
  kl_gateway_delivered_resource:
    'The delivery log of the statutory KL Gateway reports: copies of resources made from the records above, kept to send only changes.',
  relative_attendance:
    "Which sessions a relative took part in: the relative's own participation, kept by the providing municipality for the team (it never counts in the citizen's course); the relatives registered on the course are in the relatives section.",
};
