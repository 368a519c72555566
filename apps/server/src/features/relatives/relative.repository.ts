import type { RelativeRelation } from '@samkraft/contracts/relatives';
import type { Db } from '../../platform/database/database.ts';
import type { Selectable } from 'kysely';
import type { CourseRelative as CourseRelativeRow } from '../../platform/database/schema.ts';

export type RelativeRecord = {
  id: string;
  courseId: string;
  name: string;
  relation: RelativeRelation;
  phone: string | null;
  consentToParticipate: boolean;
  consentToShareWithProvider: boolean;
  consentGivenOn: string;
  startsOn: string;
  endsOn: string | null;
};

const toRecord = (r: Selectable<CourseRelativeRow>): RelativeRecord => ({
  id: r.id,
  courseId: r.course_id,
  name: r.name,
  relation: r.relation,
  phone: r.phone,
  consentToParticipate: r.consent_to_participate,
  consentToShareWithProvider: r.consent_to_share_with_provider,
  consentGivenOn: r.consent_given_on,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
});

export type RelativeValues = Omit<RelativeRecord, 'id' | 'courseId' | 'endsOn'>;

const columns = (v: RelativeValues) => ({
  name: v.name,
  relation: v.relation,
  phone: v.phone,
  consent_to_participate: v.consentToParticipate,
  consent_to_share_with_provider: v.consentToShareWithProvider,
  consent_given_on: v.consentGivenOn,
  starts_on: v.startsOn,
});

export async function listRelativesOfCourse(db: Db, courseId: string): Promise<RelativeRecord[]> {
  const rows = await db.selectFrom('course_relative').selectAll().where('course_id', '=', courseId).orderBy('ends_on', (ob) => ob.desc().nullsFirst()).orderBy('starts_on').orderBy('id').execute();
  return rows.map(toRecord);
}

/** The relative, locked for the change that follows. */
export async function findRelativeForUpdate(db: Db, courseId: string, relativeId: string): Promise<RelativeRecord | undefined> {
  const row = await db.selectFrom('course_relative').selectAll().where('id', '=', relativeId).where('course_id', '=', courseId).forUpdate().executeTakeFirst();
  return row && toRecord(row);
}

export async function insertRelative(db: Db, courseId: string, v: RelativeValues, by: string | null): Promise<RelativeRecord> {
  const row = await db.insertInto('course_relative').values({ course_id: courseId, ...columns(v), created_by: by }).returningAll().executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function updateRelative(db: Db, relativeId: string, v: RelativeValues, by: string | null, at: Date): Promise<RelativeRecord> {
  const row = await db.updateTable('course_relative').set({ ...columns(v), updated_by: by, updated_at: at }).where('id', '=', relativeId).returningAll().executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function endRelative(db: Db, relativeId: string, endsOn: string, by: string | null, at: Date): Promise<RelativeRecord> {
  const row = await db.updateTable('course_relative').set({ ends_on: endsOn, updated_by: by, updated_at: at }).where('id', '=', relativeId).returningAll().executeTakeFirstOrThrow();
  return toRecord(row);
}

/** The relatives registered on a citizen's open courses, in one statement. */
export async function listRelativesOfCitizen(db: Db, citizenId: string): Promise<RelativeRecord[]> {
  const rows = await db
    .selectFrom('course_relative as cr')
    .innerJoin('course as k', 'k.id', 'cr.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .selectAll('cr')
    .where('r.citizen_id', '=', citizenId)
    .where('k.closed_on', 'is', null)
    .orderBy('k.opened_on', 'desc')
    .orderBy('cr.starts_on')
    .orderBy('cr.id')
    .execute();
  return rows.map(toRecord);
}
