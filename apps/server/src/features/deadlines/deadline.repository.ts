import { sql, type RawBuilder } from 'kysely';
import type { DeadlineKind, DeadlineUnit, PauseReason } from '@samkraft/contracts/deadlines';
import type { Db } from '../../platform/database/database.ts';

/**
 * All SQL of the deadlines. Reads are set-based over a selection of courses — one query per kind
 * of event, grouped per course, for any number of courses — because the worklist and the report
 * derive deadlines for many courses at once.
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
  kind: string;
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

type JsonCrossReferral = Omit<CrossReferralEventRecord, 'sentAt'> & { sentAt: string | null };
type JsonPause = { id: string; courseId: string; deadlineKind: string; crossReferralId: string | null; pausedOn: string; resumedOn: string | null; reason: string; note: string | null };

/**
 * Every fact the deadlines of the selected courses are derived from, in one statement: the
 * selection is resolved once, each kind of event is grouped per course over it (no subquery per
 * row), and the interventions and pauses come as JSON arrays per course.
 */
export function courseFactsQuery(sel: CourseSelection, withInterventions = true) {
  return sql<CourseEventRecord & { crossReferrals: JsonCrossReferral[] | null; pauses: JsonPause[] | null }>`
    with sel as materialized (${selectedCourses(sel)}),
    contact as (select c.course_id, min(c.contacted_on) as v from sel join course_contact c on c.course_id = sel.id where c.reached group by 1),
    assessment as (select n.course_id, min(n.assessed_on) as v from sel join needs_assessment n on n.course_id = sel.id where n.occasion = 'initial' group by 1),
    plan as (select p.course_id, min(p.agreed_on) as v from sel join action_plan p on p.course_id = sel.id group by 1),
    conversation as (select cc.course_id, min(cc.held_on) as v from sel join closing_conversation cc on cc.course_id = sel.id group by 1),
    declined as (select d.course_id, min(d.declined_on) as v from sel join decline d on d.course_id = sel.id where d.cross_referral_id is null group by 1),
    x as materialized (select x.* from sel join cross_referral x on x.course_id = sel.id where ${withInterventions}),
    deeper as (select da.cross_referral_id, min(da.assessed_on) as v from x join deeper_assessment da on da.cross_referral_id = x.id group by 1),
    end_note as (select n.cross_referral_id, max(n.course_end_on) as v from x join status_note n on n.cross_referral_id = x.id where n.kind = 'end' group by 1),
    x_declined as (select d.cross_referral_id, min(d.declined_on) as v from x join decline d on d.cross_referral_id = x.id group by 1),
    referrals as (
      select x.course_id, json_agg(json_build_object(
          'id', x.id, 'courseId', x.course_id, 'kind', x.kind, 'interventionCategory', i.category,
          'providerMunicipalityCode', x.provider_municipality_code, 'sentAt', x.sent_at, 'receivedOn', x.received_on,
          'providerDecision', x.provider_decision, 'citizenDeclinedOn', x_declined.v, 'providerContactOn', x.provider_contact_on,
          -- The recorded deeper assessment counts when the referral's own date was not filled in.
          'deeperAssessmentOn', coalesce(x.deeper_assessment_on, deeper.v),
          'startedOn', x.started_on, 'endedOn', x.ended_on, 'endNoteCourseEndOn', end_note.v
        ) order by x.received_on, x.id) as list
      from x
      join intervention i on i.code = x.intervention_code
      left join deeper on deeper.cross_referral_id = x.id
      left join end_note on end_note.cross_referral_id = x.id
      left join x_declined on x_declined.cross_referral_id = x.id
      group by x.course_id
    ),
    pauses as (
      select p.course_id, json_agg(json_build_object(
          'id', p.id, 'courseId', p.course_id, 'deadlineKind', p.deadline_kind, 'crossReferralId', p.cross_referral_id,
          'pausedOn', p.paused_on, 'resumedOn', p.resumed_on, 'reason', p.reason, 'note', p.note
        ) order by p.paused_on, p.id) as list
      from sel join deadline_pause p on p.course_id = sel.id
      group by p.course_id
    )
    select k.id as "courseId", r.home_municipality_code as "homeMunicipalityCode", r.received_on as "receivedOn", k.closed_on as "closedOn",
      declined.v as "courseDeclinedOn", r.legal_basis as "legalBasis", r.source, r.discharged_on as "dischargedOn",
      r.plan_clinical_start_on as "planClinicalStartOn", contact.v as "firstContactOn", assessment.v as "initialAssessmentOn",
      plan.v as "planAgreedOn", conversation.v as "closingConversationOn",
      referrals.list as "crossReferrals", pauses.list as pauses
    from sel
    join course k on k.id = sel.id
    join referral r on r.id = k.referral_id
    left join contact on contact.course_id = k.id
    left join assessment on assessment.course_id = k.id
    left join plan on plan.course_id = k.id
    left join conversation on conversation.course_id = k.id
    left join declined on declined.course_id = k.id
    left join referrals on referrals.course_id = k.id
    left join pauses on pauses.course_id = k.id`;
}

/** `withInterventions: false` leaves the interventions out (for deadlines that do not depend on them). */
export async function listCourseFacts(db: Db, sel: CourseSelection, withInterventions = true): Promise<CourseFactsRecord[]> {
  const result = await courseFactsQuery(sel, withInterventions).execute(db);
  return result.rows.map((r) => ({
    ...r,
    crossReferrals: (r.crossReferrals ?? []).map((x) => ({ ...x, sentAt: x.sentAt === null ? null : new Date(x.sentAt) })),
    // The table's check constraints hold these to the contract's values.
    pauses: (r.pauses ?? []).map((p) => ({ ...p, deadlineKind: p.deadlineKind as DeadlineKind, reason: p.reason as PauseReason })),
  }));
}

export type PauseRow = {
  id: string;
  courseId: string;
  deadlineKind: DeadlineKind;
  crossReferralId: string | null;
  pausedOn: string;
  resumedOn: string | null;
  reason: PauseReason;
  note: string | null;
};

const pauseColumns = ['id', 'course_id', 'deadline_kind', 'cross_referral_id', 'paused_on', 'resumed_on', 'reason', 'note'] as const;

type RawPause = { id: string; course_id: string; deadline_kind: string; cross_referral_id: string | null; paused_on: string; resumed_on: string | null; reason: string; note: string | null };

function toPause(r: RawPause): PauseRow {
  return {
    id: r.id,
    courseId: r.course_id,
    // The table's check constraints hold these to the contract's values.
    deadlineKind: r.deadline_kind as DeadlineKind,
    crossReferralId: r.cross_referral_id,
    pausedOn: r.paused_on,
    resumedOn: r.resumed_on,
    reason: r.reason as PauseReason,
    note: r.note,
  };
}

export async function findPause(db: Db, pauseId: string): Promise<PauseRow | undefined> {
  const r = await db.selectFrom('deadline_pause').select(pauseColumns).where('id', '=', pauseId).executeTakeFirst();
  return r && toPause(r);
}

export async function findOpenPause(db: Db, courseId: string, kind: DeadlineKind, crossReferralId: string | null): Promise<PauseRow | undefined> {
  const r = await db
    .selectFrom('deadline_pause')
    .select(pauseColumns)
    .where('course_id', '=', courseId)
    .where('deadline_kind', '=', kind)
    .where((eb) => (crossReferralId === null ? eb('cross_referral_id', 'is', null) : eb('cross_referral_id', '=', crossReferralId)))
    .where('resumed_on', 'is', null)
    .executeTakeFirst();
  return r && toPause(r);
}

export async function insertPause(db: Db, p: Omit<PauseRow, 'id' | 'resumedOn'> & { recordedBy: string | null }): Promise<PauseRow> {
  const r = await db
    .insertInto('deadline_pause')
    .values({
      course_id: p.courseId,
      deadline_kind: p.deadlineKind,
      cross_referral_id: p.crossReferralId,
      paused_on: p.pausedOn,
      reason: p.reason,
      note: p.note,
      recorded_by: p.recordedBy,
    })
    .returning(pauseColumns)
    .executeTakeFirstOrThrow();
  return toPause(r);
}

/** Resumes only a pause still open, so two resumes cannot both succeed. */
export async function resumePause(db: Db, pauseId: string, resumedOn: string): Promise<PauseRow | undefined> {
  const r = await db.updateTable('deadline_pause').set({ resumed_on: resumedOn }).where('id', '=', pauseId).where('resumed_on', 'is', null).returning(pauseColumns).executeTakeFirst();
  return r && toPause(r);
}

export async function findCrossReferralOfCourse(db: Db, crossReferralId: string): Promise<{ courseId: string; kind: string } | undefined> {
  const r = await db.selectFrom('cross_referral').select(['course_id', 'kind']).where('id', '=', crossReferralId).executeTakeFirst();
  return r && { courseId: r.course_id, kind: r.kind };
}

export type PolicyRow = { id: string; kind: DeadlineKind; amount: number; unit: DeadlineUnit; effectiveFrom: string; source: string };

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  const rows = await db.selectFrom('deadline_policy').select(['id', 'kind', 'amount', 'unit', 'effective_from', 'source']).orderBy('kind').orderBy('effective_from').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as DeadlineKind, amount: r.amount, unit: r.unit as DeadlineUnit, effectiveFrom: r.effective_from, source: r.source }));
}

export async function policyExists(db: Db, kind: DeadlineKind, effectiveFrom: string): Promise<boolean> {
  const r = await db.selectFrom('deadline_policy').select('id').where('kind', '=', kind).where('effective_from', '=', effectiveFrom).executeTakeFirst();
  return r !== undefined;
}

export async function insertPolicy(db: Db, p: Omit<PolicyRow, 'id'>): Promise<PolicyRow> {
  const r = await db
    .insertInto('deadline_policy')
    .values({ kind: p.kind, amount: p.amount, unit: p.unit, effective_from: p.effectiveFrom, source: p.source })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: r.id, ...p };
}
