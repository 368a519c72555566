import type { Db } from '../../platform/database/database.ts';

export type CitizenCourseRecord = { id: string; homeMunicipality: string };

/** Every course of the citizen, open or closed: the only courses whose documents they may have. */
export async function listCoursesOf(db: Db, citizenId: string): Promise<CitizenCourseRecord[]> {
  const rows = await db
    .selectFrom('referral as r')
    .innerJoin('course as k', 'k.referral_id', 'r.id')
    .innerJoin('municipality as m', 'm.code', 'r.home_municipality_code')
    .select(['k.id', 'm.name'])
    .where('r.citizen_id', '=', citizenId)
    .orderBy('k.opened_on', 'desc')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({ id: r.id, homeMunicipality: r.name }));
}
