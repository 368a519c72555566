import type { Db } from '../../platform/database/database.ts';

/*
 * The messaging module's reads of the citizen's record: which citizen and course a received
 * message is about (its CPR or replacement CPR among the receiving municipality's citizens), and
 * the course a person places an unmatched message on. Reads only; the citizen and course are
 * owned by `citizens` and `courses`.
 */

export type CourseOfCitizen = { courseId: string; openedOn: string; closedOn: string | null };

export type MatchedCitizen = { citizenId: string; name: string; courses: CourseOfCitizen[] };

/**
 * The citizen of the municipality whose CPR (or replacement CPR, as the `cpr` column keeps it) is
 * one of `identifiers`, with every course of a referral the municipality received for him, newest
 * first. Undefined when no citizen of the municipality has one of them.
 */
export async function findCitizenByIdentifiers(db: Db, municipalityCode: string, identifiers: readonly string[]): Promise<MatchedCitizen | undefined> {
  if (identifiers.length === 0) return undefined;
  const citizen = await db
    .selectFrom('citizen')
    .select(['id', 'given_name', 'family_name'])
    .where('cpr', '=', (eb) => eb.fn.any(eb.val([...identifiers])))
    .where('home_municipality_code', '=', municipalityCode)
    .orderBy('id')
    .executeTakeFirst();
  if (!citizen) return undefined;
  const courses = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['k.id', 'k.opened_on', 'k.closed_on'])
    .where('r.citizen_id', '=', citizen.id)
    .where('r.home_municipality_code', '=', municipalityCode)
    .orderBy('k.opened_on', 'desc')
    .execute();
  return { citizenId: citizen.id, name: `${citizen.given_name} ${citizen.family_name}`, courses: courses.map((c) => ({ courseId: c.id, openedOn: c.opened_on, closedOn: c.closed_on })) };
}

export type CourseFacts = { courseId: string; citizenId: string; municipalityCode: string; closedOn: string | null; cpr: string | null };

/** The course's citizen and home municipality (where a message about it belongs). */
export async function findCourseFacts(db: Db, courseId: string): Promise<CourseFacts | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .select(['k.id', 'r.citizen_id', 'r.home_municipality_code', 'k.closed_on', 'c.cpr'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return r && { courseId: r.id, citizenId: r.citizen_id, municipalityCode: r.home_municipality_code, closedOn: r.closed_on, cpr: r.cpr };
}

export type CourseCitizen = {
  courseId: string;
  citizenId: string;
  municipalityCode: string;
  cpr: string | null;
  givenName: string;
  familyName: string;
  gpOrganisationId: string | null;
};

/** The course's citizen as a message about him names him: CPR or replacement CPR, name, and his GP clinic. */
export async function findCourseCitizen(db: Db, courseId: string): Promise<CourseCitizen | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .select(['k.id', 'r.citizen_id', 'r.home_municipality_code', 'c.cpr', 'c.given_name', 'c.family_name', 'c.gp_organisation_id'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return (
    r && {
      courseId: r.id,
      citizenId: r.citizen_id,
      municipalityCode: r.home_municipality_code,
      cpr: r.cpr,
      givenName: r.given_name,
      familyName: r.family_name,
      gpOrganisationId: r.gp_organisation_id,
    }
  );
}
