import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { citizenListColumns, toCitizenListRecord, type CitizenListRecord } from '../citizens/citizen.mapper.ts';
import type { CourseStepFacts } from './course-step.rules.ts';
import { courseStepFactColumns, toStepFacts } from './course-step.repository.ts';

export type OpenCourseRow = CourseStepFacts & {
  courseId: string;
  referralId: string;
  receivedOn: string;
  source: string;
  diagnosisCode: string | null;
  diagnosisTitle: string | null;
  contactPersonId: string | null;
  contactPersonName: string | null;
  citizen: CitizenListRecord;
};

/**
 * Which courses to list: a home municipality's open courses, optionally only those of given
 * contact persons (`null` = unassigned), or given courses of a home municipality by id (a page of
 * the worklist; any number, one array parameter).
 */
export type CourseListFilter = { municipalityCode: string; contactPersons?: readonly (string | null)[] } | { municipalityCode: string; ids: readonly string[] };

/** Courses of a home municipality with the facts their step is derived from, oldest referral first. */
export async function listOpenCourses(db: Db, filter: CourseListFilter): Promise<OpenCourseRow[]> {
  let query = db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .leftJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .leftJoin('course_assignment as a', (j) => j.onRef('a.course_id', '=', 'k.id').on('a.ended_at', 'is', null))
    .leftJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .select([
      'k.id as course_id',
      'k.closed_on',
      'r.id as referral_id',
      'r.received_on',
      'r.source',
      'r.diagnosis_code',
      'd.title_da',
      's.id as staff_id',
      's.display_name as staff_name',
      ...citizenListColumns,
      ...courseStepFactColumns(),
    ])
    .where('r.home_municipality_code', '=', filter.municipalityCode);
  if ('ids' in filter) {
    query = query.where(sql<boolean>`k.id = any(${[...filter.ids]}::uuid[])`);
  } else {
    query = query.where('k.closed_on', 'is', null);
    const people = filter.contactPersons;
    if (people) {
      const assigned = people.filter((p): p is string => p !== null);
      query = query.where((eb) => eb.or([sql<boolean>`a.staff_user_id = any(${assigned}::uuid[])`, ...(people.includes(null) ? [eb('a.staff_user_id', 'is', null)] : [])]));
    }
  }
  const rows = await query.orderBy('r.received_on').orderBy('k.id').execute();
  return rows.map((r) => ({
    courseId: r.course_id,
    referralId: r.referral_id,
    receivedOn: r.received_on,
    source: r.source,
    diagnosisCode: r.diagnosis_code,
    diagnosisTitle: r.title_da,
    contactPersonId: r.staff_id,
    contactPersonName: r.staff_name,
    ...toStepFacts(r),
    citizen: toCitizenListRecord(r),
  }));
}
