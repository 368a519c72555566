import { sql } from 'kysely';
import type { CloseReason, CourseKey } from './course.types.ts';
import type { Db } from '../../platform/database/database.ts';
import type { ContactChannel } from '@samkraft/contracts/courses';

export type { CourseKey } from './course.types.ts';

export async function findCourseKey(db: Db, courseId: string): Promise<CourseKey | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['k.id', 'k.referral_id', 'r.citizen_id', 'r.home_municipality_code', 'k.closed_on'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return r && { courseId: r.id, referralId: r.referral_id, citizenId: r.citizen_id, homeMunicipalityCode: r.home_municipality_code, closedOn: r.closed_on };
}

export async function findCurrentAssignment(db: Db, courseId: string): Promise<{ id: string; staffUserId: string } | undefined> {
  const r = await db.selectFrom('course_assignment').select(['id', 'staff_user_id']).where('course_id', '=', courseId).where('ended_at', 'is', null).executeTakeFirst();
  return r && { id: r.id, staffUserId: r.staff_user_id };
}

export async function findAssignee(db: Db, staffUserId: string): Promise<{ id: string; municipalityCode: string; isContactPerson: boolean; active: boolean } | undefined> {
  const r = await db
    .selectFrom('staff_user as s')
    .select(['s.id', 's.municipality_code', 's.active'])
    .select((eb) => eb.exists(eb.selectFrom('staff_role as sr').select('sr.role').whereRef('sr.staff_user_id', '=', 's.id').where('sr.role', '=', 'contact_person')).as('is_contact_person'))
    .where('s.id', '=', staffUserId)
    .executeTakeFirst();
  return r && { id: r.id, municipalityCode: r.municipality_code, isContactPerson: Boolean(r.is_contact_person), active: r.active };
}

/** History is kept: the current row is ended and a new one inserted, never overwritten. */
export async function replaceAssignment(db: Db, courseId: string, o: { staffUserId: string; assignedBy: string | null; reason: string | null; at: Date }): Promise<void> {
  await db.updateTable('course_assignment').set({ ended_at: o.at }).where('course_id', '=', courseId).where('ended_at', 'is', null).execute();
  await db
    .insertInto('course_assignment')
    .values({ course_id: courseId, staff_user_id: o.staffUserId, assigned_by: o.assignedBy, reason: o.reason, assigned_at: o.at })
    .execute();
}

export async function insertContact(
  db: Db,
  o: { courseId: string; contactedOn: string; channel: ContactChannel; reached: boolean; agreedAssessmentAt: string | null; note: string | null; recordedBy: string | null },
): Promise<string> {
  const r = await db
    .insertInto('course_contact')
    .values({
      course_id: o.courseId,
      contacted_on: o.contactedOn,
      channel: o.channel,
      reached: o.reached,
      agreed_assessment_at: o.agreedAssessmentAt,
      note: o.note,
      recorded_by: o.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The contact the preparation form goes with: the latest one where the citizen was reached. */
export async function findLatestReachedContact(db: Db, courseId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('course_contact')
    .select('id')
    .where('course_id', '=', courseId)
    .where('reached', '=', true)
    .orderBy('contacted_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
}

export async function setPreparationFormSent(db: Db, contactId: string, sentOn: string): Promise<void> {
  await db.updateTable('course_contact').set({ preparation_form_sent_on: sentOn }).where('id', '=', contactId).execute();
}

export async function findReceivedOn(db: Db, referralId: string): Promise<string> {
  const r = await db.selectFrom('referral').select('received_on').where('id', '=', referralId).executeTakeFirstOrThrow();
  return r.received_on;
}

export type CourseContactDetailsRecord = {
  municipalityName: string;
  unitPhone: string | null;
  contactPerson: { name: string; profession: string; phone: string | null; email: string | null } | null;
};

/** Who the citizen and a provider reach about the course: its current contact person and the home unit. */
export async function findCourseContactDetails(db: Db, courseId: string): Promise<CourseContactDetailsRecord | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('municipality as m', 'm.code', 'r.home_municipality_code')
    .leftJoin('course_assignment as a', (j) => j.onRef('a.course_id', '=', 'k.id').on('a.ended_at', 'is', null))
    .leftJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .select(['m.name', 'm.unit_phone', 's.display_name', 's.profession', 's.phone', 's.email'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return (
    r && {
      municipalityName: r.name,
      unitPhone: r.unit_phone,
      contactPerson: r.display_name === null ? null : { name: r.display_name, profession: r.profession ?? 'other', phone: r.phone, email: r.email },
    }
  );
}

/** Opens the course of a new referral (closed at once when the referral is outside the target group). */
export async function insertCourse(db: Db, c: { referralId: string; openedOn: string; closed: { closedOn: string; reason: CloseReason } | null }): Promise<string> {
  const r = await db
    .insertInto('course')
    .values({ referral_id: c.referralId, opened_on: c.openedOn, closed_on: c.closed?.closedOn ?? null, close_reason: c.closed?.reason ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Closes those of the courses that are still open, in one statement: course `i` on
 * `closedOn[i]`, never before it opened; a course closed earlier keeps its date and reason.
 * Returns the ids it closed.
 */
export async function closeOpenCourses(db: Db, courseIds: readonly string[], closedOn: readonly string[], reason: CloseReason): Promise<string[]> {
  if (courseIds.length === 0) return [];
  const r = await sql<{ id: string }>`
    update course k set closed_on = greatest(k.opened_on, c.closed_on), close_reason = ${reason}
    from unnest(${[...courseIds]}::uuid[], ${[...closedOn]}::date[]) as c(id, closed_on)
    where k.id = c.id and k.closed_on is null
    returning k.id`.execute(db);
  return r.rows.map((x) => x.id);
}
