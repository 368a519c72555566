import type { CourseDeadlines, Deadline, DeadlineKind } from '@samkraft/contracts/deadlines';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { loadCalendarBook } from '../calendar/calendar.service.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { deriveDeadlines, type CourseFacts, type CrossReferralFacts, type CrossReferralKind } from './deadline.rules.ts';
import { listCourseFacts, listPolicies, type CourseEventRecord, type CourseSelection, type CrossReferralEventRecord } from './deadline.repository.ts';

export type { CourseEventRecord, CourseSelection };

function toCrossReferralFacts(r: CrossReferralEventRecord): CrossReferralFacts {
  return {
    id: r.id,
    kind: r.kind as CrossReferralKind,
    interventionCategory: r.interventionCategory,
    providerMunicipalityCode: r.providerMunicipalityCode,
    // Sent is an instant; the deadline counts the Danish day it was sent on.
    sentOn: r.sentAt ? danishDate(r.sentAt) : null,
    receivedOn: r.receivedOn,
    providerDeclined: r.providerDecision === 'declined',
    citizenDeclinedOn: r.citizenDeclinedOn,
    providerContactOn: r.providerContactOn,
    deeperAssessmentOn: r.deeperAssessmentOn,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    endNoteCourseEndOn: r.endNoteCourseEndOn,
  };
}

/** A course's events and its deadlines as of a day, as read for many courses at once. */
export type CourseDeadlineFacts = { course: CourseEventRecord; crossReferrals: CrossReferralFacts[]; deadlines: Deadline[] };

/** The deadlines that depend only on the course's own events, not on its interventions. */
const COURSE_OWN_KINDS: readonly DeadlineKind[] = ['first_contact', 'initial_assessment'];

/**
 * The deadlines of many courses as of `today` (a Danish date), with the events they were derived
 * from, in a fixed number of queries whatever the number of courses: a list of ids, or a selection
 * the database resolves itself (the courses of a period's referrals, a municipality's open
 * courses). `only: 'course_own'` reads no interventions and derives only the deadlines that do not
 * depend on them (the report's indicator 2). No access check and no audit: the caller (e.g. the
 * worklist) decides who sees which course and audits what it shows.
 */
export async function courseDeadlines(
  db: Db,
  courses: readonly string[] | CourseSelection,
  today: string,
  options: { only?: 'course_own' } = {},
): Promise<CourseDeadlineFacts[]> {
  const own = options.only === 'course_own';
  const sel: CourseSelection = isSelection(courses) ? courses : { kind: 'ids', ids: [...new Set(courses)] };
  if (sel.kind === 'ids' && sel.ids.length === 0) return [];
  // The three reads are independent: on a server they run side by side.
  const [courseFacts, policies, calendarOf] = await Promise.all([listCourseFacts(db, sel, !own), listPolicies(db), loadCalendarBook(db)]);
  const ctx = { policies, today, calendarOf, ...(own ? { kinds: COURSE_OWN_KINDS } : {}) };
  return courseFacts.map(({ crossReferrals, pauses, ...course }) => {
    const facts: CourseFacts = { ...course, crossReferrals: crossReferrals.map(toCrossReferralFacts), pauses };
    return { course, crossReferrals: facts.crossReferrals, deadlines: deriveDeadlines(facts, ctx) };
  });
}

/** The deadlines of many courses as of `today`, keyed by course id (see `courseDeadlines`). */
export async function deadlinesForCourses(db: Db, courses: readonly string[] | CourseSelection, today: string, options: { only?: 'course_own' } = {}): Promise<Map<string, Deadline[]>> {
  return new Map((await courseDeadlines(db, courses, today, options)).map((c) => [c.course.courseId, c.deadlines]));
}

function isSelection(courses: readonly string[] | CourseSelection): courses is CourseSelection {
  return !Array.isArray(courses);
}

/** One course's deadlines for its home municipality's staff; the read is audited. */
export async function getCourseDeadlines(ctx: ServiceContext, courseId: string): Promise<CourseDeadlines> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'deadline.read');
  const asOf = danishDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const deadlines = (await deadlinesForCourses(trx, [courseId], asOf)).get(courseId) ?? [];
    await audit(trx, ctx, [{ action: 'deadline.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return { courseId, asOf, deadlines };
  });
}
