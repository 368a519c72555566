import type { FhirResourceType } from './fhir-types.ts';

/*
 * The logical ids of the resources served. One Samkraft record can give several resources (a
 * course: its referral, its plan, the plan's goals …), so an id names the record that holds the
 * resource — a course or a cross-municipal referral — and the part of it, e.g.
 * `course-<uuid>-g2` (goal 2 of the course's current plan). Reading a resource reads that record
 * through its feature's service, with that feature's access rule and audit. Parts are numbered
 * in an order that only grows (notes by when sent, assessments by when recorded), so an id keeps
 * naming the same thing. Every id fits FHIR's `[A-Za-z0-9\-\.]{1,64}`.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const uuidOnly = new RegExp(`^${UUID}$`);
const composite = new RegExp(`^(course|cross)-(${UUID})(?:-([a-z0-9-]+))?$`);

export const isUuid = (v: string): boolean => uuidOnly.test(v);

export type RecordRef = { holder: 'course' | 'cross'; id: string; part: string | null };

/** The record and part an id names, or null for an id Samkraft never gives. */
export function parseRecordId(id: string): RecordRef | null {
  const m = composite.exec(id);
  if (!m) return null;
  return { holder: m[1] as 'course' | 'cross', id: m[2] ?? '', part: m[3] ?? null };
}

export const fhirId = {
  patient: (citizenId: string) => citizenId,
  organisation: (organisationId: string) => organisationId,
  municipality: (code: string) => `municipality-${code}`,
  /** The referral that opened a home course (the course is the referral's handling). */
  courseReferral: (courseId: string) => `course-${courseId}`,
  crossReferral: (crossReferralId: string) => `cross-${crossReferralId}`,
  coursePlan: (courseId: string) => `course-${courseId}`,
  courseGoal: (courseId: string, ordinal: number) => `course-${courseId}-g${ordinal}`,
  sharedPlan: (crossReferralId: string) => `cross-${crossReferralId}`,
  sharedGoal: (crossReferralId: string, n: number) => `cross-${crossReferralId}-g${n}`,
  providerGoal: (crossReferralId: string, n: number) => `cross-${crossReferralId}-pg${n}`,
  needsAssessment: (courseId: string, n: number) => `course-${courseId}-na${n}`,
  sharedAssessment: (crossReferralId: string) => `cross-${crossReferralId}-na`,
  closingQuestionnaire: (courseId: string) => `course-${courseId}-closing`,
  closingNote: (courseId: string) => `course-${courseId}-closing-note`,
  statusNote: (crossReferralId: string, n: number) => `cross-${crossReferralId}-sn${n}`,
  /** A team session of the citizen: the enrolment's number on the referral and the session's start (UTC, to the minute). */
  teamSession: (crossReferralId: string, enrolment: number, startsAt: Date) => `cross-${crossReferralId}-e${enrolment}s${startsAt.toISOString().slice(0, 16).replace(/[-T:]/g, '')}`,
} as const;

export const municipalityCodeOf = (id: string): string | null => /^municipality-(\d{4})$/.exec(id)?.[1] ?? null;

/** Where a reference points, as `Type/id`. */
export const ref = (type: FhirResourceType, id: string): string => `${type}/${id}`;

/** The parts each type's ids have (null: the record itself), so an id of the wrong shape is not found before any record is read. */
const partsOf: Partial<Record<FhirResourceType, { course?: RegExp; cross?: RegExp }>> = {
  ServiceRequest: { course: /^$/, cross: /^$/ },
  Task: { cross: /^$/ },
  CarePlan: { course: /^$/, cross: /^$/ },
  Goal: { course: /^g[1-9]\d{0,3}$/, cross: /^p?g[1-9]\d{0,3}$/ },
  QuestionnaireResponse: { course: /^(na[1-9]\d{0,3}|closing)$/, cross: /^na$/ },
  Communication: { course: /^closing-note$/, cross: /^sn[1-9]\d{0,3}$/ },
  Appointment: { cross: /^e[1-9]\d{0,2}s\d{12}$/ },
  Encounter: { cross: /^e[1-9]\d{0,2}s\d{12}$/ },
};

/** Whether an id of this shape can name a resource of this type. */
export function fitsType(type: FhirResourceType, r: RecordRef): boolean {
  return partsOf[type]?.[r.holder]?.test(r.part ?? '') ?? false;
}
