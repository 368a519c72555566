import type { DeadlineKind, DeadlineUnit, PauseReason } from '@samkraft/contracts/deadlines';
import type { Db } from '../../platform/database/database.ts';

/**
 * All SQL of the deadlines. Reads are batched by course — one query per kind of event for any
 * number of courses — because the worklist derives deadlines for a whole municipality at once.
 */

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
  closingConversationOn: string | null;
};

export async function listCourseEvents(db: Db, courseIds: readonly string[]): Promise<CourseEventRecord[]> {
  const rows = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select((eb) => [
      'k.id',
      'k.closed_on',
      'r.home_municipality_code',
      'r.received_on',
      'r.legal_basis',
      'r.source',
      'r.discharged_on',
      'r.plan_clinical_start_on',
      eb
        .selectFrom('course_contact as c')
        .whereRef('c.course_id', '=', 'k.id')
        .where('c.reached', '=', true)
        .select((s) => s.fn.min('c.contacted_on').as('v'))
        .as('first_contact_on'),
      eb
        .selectFrom('needs_assessment as a')
        .whereRef('a.course_id', '=', 'k.id')
        .where('a.occasion', '=', 'initial')
        .select((s) => s.fn.min('a.assessed_on').as('v'))
        .as('initial_assessment_on'),
      eb
        .selectFrom('closing_conversation as cc')
        .whereRef('cc.course_id', '=', 'k.id')
        .select((s) => s.fn.min('cc.held_on').as('v'))
        .as('closing_conversation_on'),
      eb
        .selectFrom('decline as d')
        .whereRef('d.course_id', '=', 'k.id')
        .where('d.cross_referral_id', 'is', null)
        .select((s) => s.fn.min('d.declined_on').as('v'))
        .as('course_declined_on'),
    ])
    .where('k.id', 'in', [...courseIds])
    .execute();
  return rows.map((r) => ({
    courseId: r.id,
    homeMunicipalityCode: r.home_municipality_code,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    courseDeclinedOn: r.course_declined_on ?? null,
    legalBasis: r.legal_basis,
    source: r.source,
    dischargedOn: r.discharged_on,
    planClinicalStartOn: r.plan_clinical_start_on,
    firstContactOn: r.first_contact_on ?? null,
    initialAssessmentOn: r.initial_assessment_on ?? null,
    closingConversationOn: r.closing_conversation_on ?? null,
  }));
}

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

export async function listCrossReferralEvents(db: Db, courseIds: readonly string[]): Promise<CrossReferralEventRecord[]> {
  const rows = await db
    .selectFrom('cross_referral as x')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .select((eb) => [
      'x.id',
      'x.course_id',
      'x.kind',
      'i.category',
      'x.provider_municipality_code',
      'x.sent_at',
      'x.received_on',
      'x.provider_decision',
      'x.provider_contact_on',
      'x.started_on',
      'x.ended_on',
      // The recorded deeper assessment counts when the referral's own date was not filled in.
      eb.fn
        .coalesce(
          'x.deeper_assessment_on',
          eb
            .selectFrom('deeper_assessment as da')
            .whereRef('da.cross_referral_id', '=', 'x.id')
            .select((s) => s.fn.min('da.assessed_on').as('v')),
        )
        .as('deeper_assessment_on'),
      eb
        .selectFrom('status_note as n')
        .whereRef('n.cross_referral_id', '=', 'x.id')
        .where('n.kind', '=', 'end')
        .select((s) => s.fn.max('n.course_end_on').as('v'))
        .as('end_note_course_end_on'),
      eb
        .selectFrom('decline as d')
        .whereRef('d.cross_referral_id', '=', 'x.id')
        .select((s) => s.fn.min('d.declined_on').as('v'))
        .as('citizen_declined_on'),
    ])
    .where('x.course_id', 'in', [...courseIds])
    .orderBy('x.received_on')
    .orderBy('x.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    kind: r.kind,
    interventionCategory: r.category,
    providerMunicipalityCode: r.provider_municipality_code,
    sentAt: r.sent_at,
    receivedOn: r.received_on,
    providerDecision: r.provider_decision,
    citizenDeclinedOn: r.citizen_declined_on ?? null,
    providerContactOn: r.provider_contact_on,
    deeperAssessmentOn: r.deeper_assessment_on ?? null,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    endNoteCourseEndOn: r.end_note_course_end_on ?? null,
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

export async function listPauses(db: Db, courseIds: readonly string[]): Promise<PauseRow[]> {
  const rows = await db.selectFrom('deadline_pause').select(pauseColumns).where('course_id', 'in', [...courseIds]).orderBy('paused_on').orderBy('id').execute();
  return rows.map(toPause);
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
