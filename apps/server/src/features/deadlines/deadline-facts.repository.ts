import { sql, type RawBuilder } from 'kysely';
import type { DeadlineKind, PauseReason } from '@samkraft/contracts/deadlines';
import type { AuditInsert } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenListColumns, toCitizenListRecord } from '../citizens/citizen.mapper.ts';
import type { CourseListRow } from '../courses/course-list.service.ts';
import type { PauseRow } from './deadline.repository.ts';
import type { CrossReferralKind } from '@samkraft/contracts/cross-referrals';

/**
 * Every fact the deadlines of a selection of courses derive from, in one statement, set-based for
 * any number of courses: the worklist and the report derive deadlines for many courses at once.
 */

/**
 * Which courses to read: by id (any number, one array parameter), the courses of the referrals a
 * set of home municipalities received in a period (the report), or a municipality's open courses,
 * optionally of given contact persons (`null` = unassigned; the worklist).
 */
export type CourseSelection =
  | { kind: 'ids'; ids: readonly string[] }
  | { kind: 'received'; from: string; to: string; homes: readonly string[] }
  | { kind: 'open'; home: string; contactPersons?: readonly (string | null)[] };

/** The ids of the selected courses, as a subquery. */
export function selectedCourses(sel: CourseSelection): RawBuilder<unknown> {
  switch (sel.kind) {
    case 'ids':
      return sql`select unnest(${[...sel.ids]}::uuid[]) as id`;
    case 'received':
      return sql`select k.id from referral r join course k on k.referral_id = r.id
        where r.received_on between ${sel.from} and ${sel.to} and r.home_municipality_code = any(${[...sel.homes]}::bpchar[])`;
    case 'open': {
      const people = sel.contactPersons;
      const assigned = people?.filter((p): p is string => p !== null) ?? [];
      if (people && !people.includes(null)) {
        // A contact person's open courses: from their current assignments, whatever the size of
        // the municipality (course_assignment_staff_idx, then course by key).
        return sql`select k.id from course_assignment a
          join course k on k.id = a.course_id and k.closed_on is null
          join referral r on r.id = k.referral_id
          where a.staff_user_id = any(${assigned}::uuid[]) and a.ended_at is null and r.home_municipality_code = ${sel.home}`;
      }
      const byPerson = people ? sql`and (a.staff_user_id = any(${assigned}::uuid[]) or a.staff_user_id is null)` : sql``;
      return sql`select k.id from course k
        join referral r on r.id = k.referral_id
        left join course_assignment a on a.course_id = k.id and a.ended_at is null
        where k.closed_on is null and r.home_municipality_code = ${sel.home} ${byPerson}`;
    }
  }
}

export type CourseEventRecord = {
  courseId: string;
  homeMunicipalityCode: string;
  receivedOn: string;
  closedOn: string | null;
  courseDeclinedOn: string | null;
  legalBasis: string | null;
  source: string;
  dischargedOn: string | null;
  planClinicalStartOn: string | null;
  firstContactOn: string | null;
  initialAssessmentOn: string | null;
  /** The first version of the action plan (the worklist derives the course's step from these events). */
  planAgreedOn: string | null;
  closingConversationOn: string | null;
};

export type CrossReferralEventRecord = {
  id: string;
  courseId: string;
  kind: CrossReferralKind;
  interventionCategory: string;
  providerMunicipalityCode: string;
  sentAt: Date | null;
  receivedOn: string;
  providerDecision: string | null;
  citizenDeclinedOn: string | null;
  providerContactOn: string | null;
  deeperAssessmentOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endNoteCourseEndOn: string | null;
};

/** A course's events with its interventions' events and its pauses: everything its deadlines derive from. */
export type CourseFactsRecord = CourseEventRecord & { crossReferrals: CrossReferralEventRecord[]; pauses: PauseRow[] };

/**
 * The facts of the selected courses, and the version of the deadline rules (policies and closing
 * days) the database held when they were read (migration 0012); null when there were no courses.
 */
export type CourseFacts<T extends CourseFactsRecord = CourseFactsRecord> = { rulesVersion: string | null; courses: T[] };

type JsonCrossReferral = Omit<CrossReferralEventRecord, 'sentAt'> & { sentAt: string | null };
type JsonPause = { id: string; courseId: string; deadlineKind: DeadlineKind; crossReferralId: string | null; pausedOn: string; resumedOn: string | null; reason: PauseReason; note: string | null };

/**
 * What the statement reads besides the course's events: the interventions (default yes), and the
 * courses as lists show them when the selection has at most `listUpTo` courses — a list reads
 * them with the facts when the whole selection fits on one page, and else for its page only.
 * `auditListed`: a list that shows every listed course (its first page, unfiltered) audits them
 * in this same statement — one event per course, when and only when they are listed.
 */
export type FactsOptions = { interventions?: boolean; listUpTo?: number; auditListed?: AuditInsert };

/**
 * The statement: the selection is resolved once; the course's own events are one pass over the
 * event tables, each joined to the selection by its course index and grouped per course, and so
 * are the interventions' events; interventions and pauses come as JSON arrays per course. Every
 * grouped part is materialised, so the final joins read each once, whatever the planner guesses
 * the selection's size to be (a guess of one row made it re-aggregate them per course).
 */
export function courseFactsQuery(sel: CourseSelection, options: FactsOptions = {}) {
  const interventions = options.interventions ?? true;
  const listed = options.listUpTo !== undefined;
  const listColumns = listed
    ? sql`, r.id as "referralId", r.diagnosis_code as "diagnosisCode", d.title_da as "diagnosisTitle",
        s.id as "contactPersonId", s.display_name as "contactPersonName", ${sql.raw(citizenListColumns.join(', '))}`
    : sql``;
  // Left joins, so a selection larger than `listUpTo` gives its facts with the list columns null.
  const listJoins = listed
    ? sql`left join citizen c on c.id = r.citizen_id and (select count(*) from sel) <= ${options.listUpTo}
      left join diagnosis d on d.code = r.diagnosis_code and c.id is not null
      left join course_assignment a on a.course_id = k.id and a.ended_at is null and c.id is not null
      left join staff_user s on s.id = a.staff_user_id`
    : sql``;
  const audited =
    listed && options.auditListed
      ? sql`audited as (${options.auditListed(sql`select k.id::text as entity_id, r.citizen_id from sel join course k on k.id = sel.id
          join referral r on r.id = k.referral_id where (select count(*) from sel) <= ${options.listUpTo}`)} returning 1),`
      : sql``;
  const auditedCount = listed && options.auditListed ? sql`, (select count(*) from audited)::int as "auditedCount"` : sql``;
  return sql<CourseEventRecord & { rulesVersion: string | null; crossReferrals: JsonCrossReferral[] | null; pauses: JsonPause[] | null }>`
    with sel as materialized (${selectedCourses(sel)}),
    ${audited}
    events as materialized (
      select e.course_id, min(e.v) filter (where e.kind = 1) as contact, min(e.v) filter (where e.kind = 2) as assessment,
        min(e.v) filter (where e.kind = 3) as plan, min(e.v) filter (where e.kind = 4) as conversation, min(e.v) filter (where e.kind = 5) as declined
      from (
        select c.course_id, 1 as kind, c.contacted_on as v from sel join course_contact c on c.course_id = sel.id where c.reached
        union all select n.course_id, 2, n.assessed_on from sel join needs_assessment n on n.course_id = sel.id where n.occasion = 'initial'
        union all select p.course_id, 3, p.agreed_on from sel join action_plan p on p.course_id = sel.id
        union all select cc.course_id, 4, cc.held_on from sel join closing_conversation cc on cc.course_id = sel.id
        union all select d.course_id, 5, d.declined_on from sel join decline d on d.course_id = sel.id where d.cross_referral_id is null
      ) e
      group by e.course_id
    ),
    x as materialized (select x.* from sel join cross_referral x on x.course_id = sel.id where ${interventions}),
    x_events as materialized (
      select e.cross_referral_id, min(e.v) filter (where e.kind = 1) as deeper, max(e.v) filter (where e.kind = 2) as end_note,
        min(e.v) filter (where e.kind = 3) as declined
      from (
        select da.cross_referral_id, 1 as kind, da.assessed_on as v from x join deeper_assessment da on da.cross_referral_id = x.id
        union all select n.cross_referral_id, 2, n.course_end_on from x join status_note n on n.cross_referral_id = x.id where n.kind = 'end'
        union all select d.cross_referral_id, 3, d.declined_on from x join decline d on d.cross_referral_id = x.id
      ) e
      group by e.cross_referral_id
    ),
    referrals as materialized (
      select x.course_id, json_agg(json_build_object(
          'id', x.id, 'courseId', x.course_id, 'kind', x.kind, 'interventionCategory', i.category,
          'providerMunicipalityCode', x.provider_municipality_code, 'sentAt', x.sent_at, 'receivedOn', x.received_on,
          'providerDecision', x.provider_decision, 'citizenDeclinedOn', xe.declined, 'providerContactOn', x.provider_contact_on,
          -- The recorded deeper assessment counts when the referral's own date was not filled in.
          'deeperAssessmentOn', coalesce(x.deeper_assessment_on, xe.deeper),
          'startedOn', x.started_on, 'endedOn', x.ended_on, 'endNoteCourseEndOn', xe.end_note
        ) order by x.received_on, x.id) as list
      from x
      join intervention i on i.code = x.intervention_code
      left join x_events xe on xe.cross_referral_id = x.id
      group by x.course_id
    ),
    pauses as materialized (
      select p.course_id, json_agg(json_build_object(
          'id', p.id, 'courseId', p.course_id, 'deadlineKind', p.deadline_kind, 'crossReferralId', p.cross_referral_id,
          'pausedOn', p.paused_on, 'resumedOn', p.resumed_on, 'reason', p.reason, 'note', p.note
        ) order by p.paused_on, p.id) as list
      from sel join deadline_pause p on p.course_id = sel.id
      group by p.course_id
    ),
    course_rows as materialized (
      select k.id as "courseId", r.home_municipality_code as "homeMunicipalityCode", r.received_on as "receivedOn", k.closed_on as "closedOn",
        r.legal_basis as "legalBasis", r.source, r.discharged_on as "dischargedOn", r.plan_clinical_start_on as "planClinicalStartOn"
        ${listColumns}
      from sel
      join course k on k.id = sel.id
      join referral r on r.id = k.referral_id
      ${listJoins}
    )
    select k.*, ev.declined as "courseDeclinedOn", ev.contact as "firstContactOn", ev.assessment as "initialAssessmentOn",
      ev.plan as "planAgreedOn", ev.conversation as "closingConversationOn",
      referrals.list as "crossReferrals", pauses.list as pauses,
      (select v.version from deadline_rules_version v) as "rulesVersion"
      ${auditedCount}
    from course_rows k
    left join events ev on ev.course_id = k."courseId"
    left join referrals on referrals.course_id = k."courseId"
    left join pauses on pauses.course_id = k."courseId"`;
}

type FactsRow = CourseEventRecord & { rulesVersion: string | null; crossReferrals: JsonCrossReferral[] | null; pauses: JsonPause[] | null };

function toFactsRecord(r: FactsRow): CourseFactsRecord {
  return {
    courseId: r.courseId,
    homeMunicipalityCode: r.homeMunicipalityCode,
    receivedOn: r.receivedOn,
    closedOn: r.closedOn,
    courseDeclinedOn: r.courseDeclinedOn,
    legalBasis: r.legalBasis,
    source: r.source,
    dischargedOn: r.dischargedOn,
    planClinicalStartOn: r.planClinicalStartOn,
    firstContactOn: r.firstContactOn,
    initialAssessmentOn: r.initialAssessmentOn,
    planAgreedOn: r.planAgreedOn,
    closingConversationOn: r.closingConversationOn,
    crossReferrals: (r.crossReferrals ?? []).map((x) => ({ ...x, sentAt: x.sentAt === null ? null : new Date(x.sentAt) })),
    // The table's check constraints hold these to the contract's values (JsonPause).
    pauses: r.pauses ?? [],
  };
}

/** `interventions: false` leaves the interventions out (for deadlines that do not depend on them). */
export async function listCourseFacts(db: Db, sel: CourseSelection, options: { interventions?: boolean } = {}): Promise<CourseFacts> {
  const rows = (await courseFactsQuery(sel, options).execute(db)).rows;
  return { rulesVersion: rows[0]?.rulesVersion ?? null, courses: rows.map(toFactsRecord) };
}

type ListedRow = FactsRow & {
  referralId: string;
  diagnosisCode: string | null;
  diagnosisTitle: string | null;
  contactPersonId: string | null;
  contactPersonName: string | null;
} & Parameters<typeof toCitizenListRecord>[0];

/**
 * The facts, with each course as lists show it (citizen, diagnosis, contact person) in the same
 * statement when the selection has at most `listUpTo` courses; `list` is null otherwise.
 * `auditListed` audits the listed courses in that statement; `audited` says whether it did
 * (every course listed and audited, or none).
 */
export async function listListedCourseFacts(
  db: Db,
  sel: CourseSelection,
  listUpTo: number,
  auditListed?: AuditInsert,
): Promise<CourseFacts<CourseFactsRecord & { list: CourseListRow | null }> & { audited: boolean }> {
  const rows = (await courseFactsQuery(sel, { listUpTo, ...(auditListed ? { auditListed } : {}) }).execute(db)).rows as (ListedRow & { auditedCount?: number })[];
  const [first] = rows;
  return {
    audited: first !== undefined && first.citizen_id !== null && first.auditedCount === rows.length,
    rulesVersion: first?.rulesVersion ?? null,
    courses: rows.map((r) => ({
      ...toFactsRecord(r),
      // The citizen always exists; its absence means the list columns were not read.
      list:
        r.citizen_id === null
          ? null
          : {
              courseId: r.courseId,
              referralId: r.referralId,
              receivedOn: r.receivedOn,
              source: r.source,
              diagnosisCode: r.diagnosisCode,
              diagnosisTitle: r.diagnosisTitle,
              contactPersonId: r.contactPersonId,
              contactPersonName: r.contactPersonName,
              citizen: toCitizenListRecord(r),
            },
    })),
  };
}
