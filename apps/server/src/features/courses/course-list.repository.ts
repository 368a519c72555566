import { sql, type InferResult } from 'kysely';
import type { AuditInsert } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenListColumns, toCitizenListRecord, type CitizenListRecord } from '../citizens/citizen.mapper.ts';
import type { CourseStepFacts } from './course-step.rules.ts';
import { courseStepFactColumns, toStepFacts } from './course-step.repository.ts';
import type { CourseCloseReason } from '@samkraft/contracts/courses';

/** A course as lists show it: referral, citizen, diagnosis and contact person. */
export type CourseListRow = {
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

export type OpenCourseRow = CourseStepFacts & CourseListRow;

/** A home municipality's open courses, optionally only those of given contact persons (`null` = unassigned). */
export type CourseListFilter = { municipalityCode: string; contactPersons?: readonly (string | null)[] };

function listQuery(db: Db, municipalityCode: string) {
  return db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .leftJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .leftJoin('course_assignment as a', (j) => j.onRef('a.course_id', '=', 'k.id').on('a.ended_at', 'is', null))
    .leftJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .select(['k.id as course_id', 'r.id as referral_id', 'r.received_on', 'r.source', 'r.diagnosis_code', 'd.title_da', 's.id as staff_id', 's.display_name as staff_name', ...citizenListColumns])
    .where('r.home_municipality_code', '=', municipalityCode);
}

type ListRow = {
  course_id: string;
  referral_id: string;
  received_on: string;
  source: string;
  diagnosis_code: string | null;
  title_da: string | null;
  staff_id: string | null;
  staff_name: string | null;
} & Parameters<typeof toCitizenListRecord>[0];

function toListRow(r: ListRow): CourseListRow {
  return {
    courseId: r.course_id,
    referralId: r.referral_id,
    receivedOn: r.received_on,
    source: r.source,
    diagnosisCode: r.diagnosis_code,
    diagnosisTitle: r.title_da,
    contactPersonId: r.staff_id,
    contactPersonName: r.staff_name,
    citizen: toCitizenListRecord(r),
  };
}

/** Open courses of a home municipality with the facts their step is derived from, oldest referral first. */
export async function listOpenCourses(db: Db, filter: CourseListFilter): Promise<OpenCourseRow[]> {
  let query = listQuery(db, filter.municipalityCode).select(['k.closed_on', ...courseStepFactColumns()]).where('k.closed_on', 'is', null);
  const people = filter.contactPersons;
  if (people) {
    const assigned = people.filter((p): p is string => p !== null);
    query = query.where((eb) => eb.or([sql<boolean>`a.staff_user_id = any(${assigned}::uuid[])`, ...(people.includes(null) ? [eb('a.staff_user_id', 'is', null)] : [])]));
  }
  const rows = await query.orderBy('r.received_on').orderBy('k.id').execute();
  return rows.map((r) => ({ ...toListRow(r), ...toStepFacts(r) }));
}

/** Given courses of a home municipality (a page of a list; any number, one array parameter), without step facts. */
export async function listCoursesByIds(db: Db, municipalityCode: string, ids: readonly string[]): Promise<CourseListRow[]> {
  if (ids.length === 0) return [];
  const rows = await listQuery(db, municipalityCode)
    .where(sql<boolean>`k.id = any(${[...ids]}::uuid[])`)
    .execute();
  return rows.map(toListRow);
}

export type ClosedCourseRow = CourseListRow & { closedOn: string; closeReason: CourseCloseReason };

/**
 * A page of a home municipality's closed courses, the most recently closed first, with how many
 * there are; with `auditListed`, each course shown is audited in the same statement. The
 * partial index on closed courses (migration 0016) gives them newest first.
 */
export async function listClosedCourses(
  db: Db,
  municipalityCode: string,
  page: { offset: number; limit: number },
  auditListed?: AuditInsert,
): Promise<{ total: number; rows: ClosedCourseRow[] }> {
  const query = listQuery(db, municipalityCode)
    .select(['k.closed_on', 'k.close_reason'])
    .where('k.closed_on', 'is not', null)
    .orderBy('k.closed_on', 'desc')
    .orderBy('k.id')
    .offset(page.offset)
    .limit(page.limit);
  type Row = InferResult<typeof query>[number];
  const audited = auditListed ? sql`, audited as (${auditListed(sql`select course_id::text as entity_id, citizen_id from page`)} returning 1)` : sql``;
  // The count comes as the one row of `t`, so a page past the end still says how many there are.
  const result = await sql<(Row | { [K in keyof Row]: null }) & { total: string }>`
    with page as materialized (${query})${audited}
    select p.*, t.total from (
      select count(*) as total from course k join referral r on r.id = k.referral_id
      where r.home_municipality_code = ${municipalityCode} and k.closed_on is not null
    ) t left join page p on true
    order by p.closed_on desc, p.course_id`.execute(db);
  const rows = result.rows.flatMap((r): ClosedCourseRow[] =>
    // A page row is a closed course (the query's where; closed_on and close_reason are set together).
    r.course_id === null || r.closed_on === null || r.close_reason === null ? [] : [{ ...toListRow(r), closedOn: r.closed_on, closeReason: r.close_reason }],
  );
  return { total: Number(result.rows[0]?.total ?? 0), rows };
}
