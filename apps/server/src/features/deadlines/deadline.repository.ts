import type { DeadlineKind, DeadlineUnit, PauseReason } from '@samkraft/contracts/deadlines';
import type { Db } from '../../platform/database/database.ts';
import type { CrossReferralKind } from '@samkraft/contracts/cross-referrals';

/**
 * The SQL of pauses and policies. The facts the deadlines of many courses derive from are read in
 * deadline-facts.repository.ts.
 */

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

type RawPause = { id: string; course_id: string; deadline_kind: DeadlineKind; cross_referral_id: string | null; paused_on: string; resumed_on: string | null; reason: PauseReason; note: string | null };

function toPause(r: RawPause): PauseRow {
  return {
    id: r.id,
    courseId: r.course_id,
    // The table's check constraints hold these to the contract's values.
    deadlineKind: r.deadline_kind,
    crossReferralId: r.cross_referral_id,
    pausedOn: r.paused_on,
    resumedOn: r.resumed_on,
    reason: r.reason,
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

export async function findCrossReferralOfCourse(db: Db, crossReferralId: string): Promise<{ courseId: string; kind: CrossReferralKind } | undefined> {
  const r = await db.selectFrom('cross_referral').select(['course_id', 'kind']).where('id', '=', crossReferralId).executeTakeFirst();
  return r && { courseId: r.course_id, kind: r.kind };
}

export type PolicyRow = { id: string; kind: DeadlineKind; amount: number; unit: DeadlineUnit; effectiveFrom: string; source: string };

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  const rows = await db.selectFrom('deadline_policy').select(['id', 'kind', 'amount', 'unit', 'effective_from', 'source']).orderBy('kind').orderBy('effective_from').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, amount: r.amount, unit: r.unit, effectiveFrom: r.effective_from, source: r.source }));
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
