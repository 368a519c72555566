import type { FollowUpChannel } from '@samkraft/contracts/follow-ups';
import type { Db } from '../../platform/database/database.ts';

export type FollowUpRecord = {
  id: string;
  courseId: string;
  plannedOn: string;
  heldOn: string | null;
  channel: FollowUpChannel | null;
  note: string | null;
  planRevised: boolean;
  recordedBy: string | null;
};

export async function insertFollowUp(db: Db, f: { courseId: string; plannedOn: string; recordedBy: string | null }): Promise<string> {
  const r = await db.insertInto('follow_up').values({ course_id: f.courseId, planned_on: f.plannedOn, recorded_by: f.recordedBy }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findFollowUpCourse(db: Db, followUpId: string): Promise<{ courseId: string; heldOn: string | null } | undefined> {
  const r = await db.selectFrom('follow_up').select(['course_id', 'held_on']).where('id', '=', followUpId).executeTakeFirst();
  return r && { courseId: r.course_id, heldOn: r.held_on };
}

/** Marks a planned follow-up held; only one that is not held yet (returns false otherwise). */
export async function markFollowUpHeld(
  db: Db,
  f: { id: string; heldOn: string; channel: FollowUpChannel; note: string; planRevised: boolean; recordedBy: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('follow_up')
    .set({ held_on: f.heldOn, channel: f.channel, note: f.note, plan_revised: f.planRevised, recorded_by: f.recordedBy, recorded_at: new Date() })
    .where('id', '=', f.id)
    .where('held_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listFollowUps(db: Db, courseId: string): Promise<FollowUpRecord[]> {
  const rows = await db
    .selectFrom('follow_up as f')
    .leftJoin('staff_user as s', 's.id', 'f.recorded_by')
    .select(['f.id', 'f.course_id', 'f.planned_on', 'f.held_on', 'f.channel', 'f.note', 'f.plan_revised', 's.display_name'])
    .where('f.course_id', '=', courseId)
    .orderBy('f.planned_on')
    .orderBy('f.recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    plannedOn: r.planned_on,
    heldOn: r.held_on,
    channel: r.channel,
    note: r.note,
    planRevised: r.plan_revised,
    recordedBy: r.display_name,
  }));
}

export async function findCitizenVulnerable(db: Db, citizenId: string): Promise<boolean | undefined> {
  const r = await db.selectFrom('citizen').select('vulnerable').where('id', '=', citizenId).executeTakeFirst();
  return r?.vulnerable;
}

/** The citizen's courses in one home municipality, open ones first, newest first. */
export async function findCitizenCourseIn(db: Db, citizenId: string, municipalityCode: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select('k.id')
    .where('r.citizen_id', '=', citizenId)
    .where('r.home_municipality_code', '=', municipalityCode)
    .orderBy((eb) => eb('k.closed_on', 'is', null), 'desc')
    .orderBy('k.opened_on', 'desc')
    .executeTakeFirst();
  return r?.id;
}
