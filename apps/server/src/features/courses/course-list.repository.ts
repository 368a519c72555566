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

/** Open courses of a home municipality with the facts their step is derived from. */
export async function listOpenCourses(db: Db, municipalityCode: string): Promise<OpenCourseRow[]> {
  const rows = await db
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
    .where('r.home_municipality_code', '=', municipalityCode)
    .where('k.closed_on', 'is', null)
    .orderBy('r.received_on')
    .execute();
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
