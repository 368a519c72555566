import type { CourseDeadlines, Deadline, DeadlineKind } from '@samkraft/contracts/deadlines';
import { audit, type AuditInsert } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import type { Calendar } from '../calendar/calendar.rules.ts';
import { loadCalendarBook } from '../calendar/calendar.service.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import type { CourseListRow } from '../courses/course-list.service.ts';
import {
  listCourseFacts,
  listListedCourseFacts,
  type CourseEventRecord,
  type CourseFacts as CourseFactsRead,
  type CourseFactsRecord,
  type CourseSelection,
  type CrossReferralEventRecord,
} from './deadline-facts.repository.ts';
import { deriveDeadlines, nextDeadline, type CourseFacts, type CrossReferralFacts, type PolicyRecord } from './deadline.rules.ts';
import { listPolicies } from './deadline.repository.ts';

export type { CourseEventRecord, CourseSelection };

function toCrossReferralFacts(r: CrossReferralEventRecord): CrossReferralFacts {
  return {
    id: r.id,
    kind: r.kind,
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

/** The deadline rules besides a course's own events: the policies and every municipality's calendar. */
type DeadlineRules = { policies: readonly PolicyRecord[]; calendarOf: (municipalityCode: string) => Calendar };

/**
 * The rules as loaded, by the version the database gives them (migration 0012: any change to the
 * policies or closing days gives a new random version in the same transaction), so a request
 * reads them only when they changed — on any instance — and the courses' facts carry the version
 * they were read with. Kept as promises, so requests arriving together load them once; a few
 * versions at most (a test or a bench process may open more than one database).
 */
const rulesByVersion = new Map<string, Promise<DeadlineRules>>();
const RULES_KEPT = 8;

async function loadRules(db: Db): Promise<DeadlineRules> {
  const [policies, calendarOf] = await Promise.all([listPolicies(db), loadCalendarBook(db)]);
  return { policies, calendarOf };
}

/**
 * The rules for facts read at `version`. They are loaded after the facts, so they are at least as
 * new as the version: when newer, the next read sees a newer version and loads them again.
 */
function deadlineRules(db: Db, version: string | null): Promise<DeadlineRules> {
  if (version === null) return loadRules(db);
  let rules = rulesByVersion.get(version);
  if (!rules) {
    rules = loadRules(db);
    rulesByVersion.set(version, rules);
    void rules.catch(() => rulesByVersion.delete(version));
    for (const old of rulesByVersion.keys()) if (rulesByVersion.size > RULES_KEPT) rulesByVersion.delete(old);
  }
  return rules;
}

async function derive<T extends CourseFactsRecord>(db: Db, read: CourseFactsRead<T>, today: string, own: boolean): Promise<(CourseDeadlineFacts & { record: T })[]> {
  if (read.courses.length === 0) return [];
  const rules = await deadlineRules(db, read.rulesVersion);
  const ctx = { ...rules, today, ...(own ? { kinds: COURSE_OWN_KINDS } : {}) };
  return read.courses.map((record) => {
    const facts: CourseFacts = { ...record, crossReferrals: record.crossReferrals.map(toCrossReferralFacts) };
    return { course: record, crossReferrals: facts.crossReferrals, deadlines: deriveDeadlines(facts, ctx), record };
  });
}

/**
 * The deadlines of many courses as of `today` (a Danish date), with the events they were derived
 * from, in one statement whatever the number of courses (and the rules when they changed): a list
 * of ids, or a selection the database resolves itself (the courses of a period's referrals, a
 * municipality's open courses). `only: 'course_own'` reads no interventions and derives only the
 * deadlines that do not depend on them (the report's indicator 2). No access check and no audit:
 * the caller (e.g. the worklist) decides who sees which course and audits what it shows.
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
  return (await derive(db, await listCourseFacts(db, sel, { interventions: !own }), today, own)).map(({ course, crossReferrals, deadlines }) => ({ course, crossReferrals, deadlines }));
}

/**
 * As `courseDeadlines`, with each course as lists show it (citizen, diagnosis, contact person) read
 * in the same statement when the selection has at most `listUpTo` courses (`list` is null when it
 * has more): a list whose whole selection fits on one page reads it in one statement. Not audited
 * here, unless the caller passes `auditListed` — then the listed courses are audited in that same
 * statement, and `audited` says so (every course, or none when they were not listed).
 */
export async function listedCourseDeadlines(
  db: Db,
  sel: CourseSelection,
  today: string,
  listUpTo: number,
  auditListed?: AuditInsert,
): Promise<{ audited: boolean; courses: (CourseDeadlineFacts & { list: CourseListRow | null })[] }> {
  const read = await listListedCourseFacts(db, sel, listUpTo, auditListed);
  const courses = (await derive(db, read, today, false)).map(({ course, crossReferrals, deadlines, record }) => ({ course, crossReferrals, deadlines, list: record.list }));
  return { audited: read.audited, courses };
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
    return { courseId, asOf, deadlines, next: nextDeadline(deadlines) };
  });
}
