import type { Db } from '../../platform/database/database.ts';

export type CourseKey = { courseId: string; referralId: string; citizenId: string; homeMunicipalityCode: string; closedOn: string | null };

export async function findCourseKey(db: Db, courseId: string): Promise<CourseKey | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['k.id', 'k.referral_id', 'r.citizen_id', 'r.home_municipality_code', 'k.closed_on'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return r && { courseId: r.id, referralId: r.referral_id, citizenId: r.citizen_id, homeMunicipalityCode: r.home_municipality_code, closedOn: r.closed_on };
}
