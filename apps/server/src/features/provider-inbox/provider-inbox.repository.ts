import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { citizenListColumns, toCitizenListRecord, type CitizenListRecord } from '../citizens/citizen.mapper.ts';
import type { CitizenDeclineReason, ProviderDecision, StoredDeeperAssessmentProfession } from '@samkraft/contracts/cross-referrals';
import type { MeasurementTestCode } from '@samkraft/contracts/measurements';

/** A referral sent to a providing municipality, as its lists show it (inbox, therapist start page). */
export type InboxRecord = {
  id: string;
  courseId: string;
  interventionCode: string;
  interventionName: string;
  homeMunicipalityCode: string;
  homeMunicipalityName: string;
  receivedOn: string;
  providerDecision: ProviderDecision | null;
  citizenDeclined: boolean;
  providerContactOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  citizen: CitizenListRecord;
};

/**
 * Sent cross-municipal referrals addressed to one providing municipality, newest first — the
 * one query behind the provider inbox (open ones) and the therapist's start page (all, capped).
 */
export async function listInbox(db: Db, providerMunicipalityCode: string, options: { openOnly: boolean; limit?: number }): Promise<InboxRecord[]> {
  let query = db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'f.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'f.home_municipality_code')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .select([
      'x.id',
      'x.course_id',
      'x.intervention_code',
      'i.name_da',
      'f.home_municipality_code',
      'm.name',
      'x.received_on',
      'x.provider_decision',
      'x.provider_contact_on',
      'x.started_on',
      'x.ended_on',
      ...citizenListColumns,
    ])
    .select((eb) => eb.exists(eb.selectFrom('decline as d').select('d.id').whereRef('d.cross_referral_id', '=', 'x.id')).as('citizen_declined'))
    .where('x.provider_municipality_code', '=', providerMunicipalityCode)
    .where('x.kind', '=', 'cross_municipal')
    .where('x.sent_at', 'is not', null)
    .orderBy('x.received_on', 'desc')
    .orderBy('x.created_at', 'desc');
  if (options.openOnly) query = query.where('x.ended_on', 'is', null);
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    interventionCode: r.intervention_code,
    interventionName: r.name_da,
    homeMunicipalityCode: r.home_municipality_code,
    homeMunicipalityName: r.name,
    receivedOn: r.received_on,
    providerDecision: r.provider_decision,
    citizenDeclined: Boolean(r.citizen_declined),
    providerContactOn: r.provider_contact_on,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    citizen: toCitizenListRecord(r),
  }));
}

/**
 * The sent cross-municipal referrals of one citizen addressed to one providing municipality from
 * another (a municipality that provides for its own citizens reads those through its courses), oldest first.
 */
/**
 * The sent cross-municipal referrals of the citizen: those sent to `providerMunicipalityCode` (the
 * provider's view), or every one whichever municipality it went to (the citizen's own aktindsigt).
 */
async function sentCrossMunicipalIdsOfCitizen(db: Db, citizenId: string, providerMunicipalityCode?: string): Promise<string[]> {
  let q = db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .select('x.id')
    .where('f.citizen_id', '=', citizenId)
    .where('x.kind', '=', 'cross_municipal')
    .where('x.sent_at', 'is not', null);
  if (providerMunicipalityCode !== undefined) q = q.where('x.provider_municipality_code', '=', providerMunicipalityCode).where('f.home_municipality_code', '<>', providerMunicipalityCode);
  const rows = await q.orderBy('x.received_on').orderBy('x.created_at').execute();
  return rows.map((r) => r.id);
}

export const listSentCrossMunicipalIdsOfCitizen = (db: Db, citizenId: string): Promise<string[]> => sentCrossMunicipalIdsOfCitizen(db, citizenId);

export const listIncomingIdsOfCitizen = (db: Db, providerMunicipalityCode: string, citizenId: string): Promise<string[]> => sentCrossMunicipalIdsOfCitizen(db, citizenId, providerMunicipalityCode);

export type IncomingRecord = {
  id: string;
  courseId: string;
  citizenId: string;
  givenName: string;
  familyName: string;
  cpr: string | null;
  pseudonym: string | null;
  homeMunicipalityCode: string;
  homeMunicipalityName: string;
  interventionName: string;
  receivedOn: string;
  providerDecision: ProviderDecision | null;
  citizenDeclined: boolean;
  startedOn: string | null;
  endedOn: string | null;
  kind: string;
  providerMunicipalityCode: string;
  phone: string | null;
  sentAt: Date | null;
  snapshot: unknown;
  providerDecisionReason: string | null;
  providerContactOn: string | null;
};

/** One referral with only the citizen facts the provider needs to make contact. */
export async function findIncoming(db: Db, id: string): Promise<IncomingRecord | undefined> {
  const r = await db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'f.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'f.home_municipality_code')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .select([
      'x.id',
      'x.course_id',
      'x.kind',
      'x.provider_municipality_code',
      'c.id as citizen_id',
      'c.given_name',
      'c.family_name',
      'c.cpr',
      'c.pseudonym',
      'c.phone',
      'f.home_municipality_code',
      'm.name',
      'i.name_da',
      'x.received_on',
      'x.sent_at',
      'x.shared_snapshot',
      'x.provider_decision',
      'x.provider_decision_reason',
      'x.provider_contact_on',
      'x.started_on',
      'x.ended_on',
    ])
    .where('x.id', '=', id)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      courseId: r.course_id,
      citizenId: r.citizen_id,
      kind: r.kind,
      providerMunicipalityCode: r.provider_municipality_code,
      givenName: r.given_name,
      familyName: r.family_name,
      cpr: r.cpr,
      pseudonym: r.pseudonym,
      phone: r.phone,
      homeMunicipalityCode: r.home_municipality_code,
      homeMunicipalityName: r.name,
      interventionName: r.name_da,
      receivedOn: r.received_on,
      sentAt: r.sent_at === null ? null : new Date(r.sent_at),
      snapshot: r.shared_snapshot,
      providerDecision: r.provider_decision,
      providerDecisionReason: r.provider_decision_reason,
      providerContactOn: r.provider_contact_on,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      citizenDeclined: false,
    }
  );
}

export async function listUpdates(db: Db, id: string): Promise<{ sentAt: Date; snapshot: unknown }[]> {
  const rows = await db.selectFrom('cross_referral_update').select(['sent_at', 'snapshot']).where('cross_referral_id', '=', id).orderBy('sent_at').execute();
  return rows.map((r) => ({ sentAt: new Date(r.sent_at), snapshot: r.snapshot }));
}

export async function listReferralDeclines(db: Db, id: string): Promise<{ declinedOn: string; reason: CitizenDeclineReason; note: string | null }[]> {
  const rows = await db.selectFrom('decline').select(['declined_on', 'reason', 'note']).where('cross_referral_id', '=', id).orderBy('declined_on').execute();
  return rows.map((r) => ({ declinedOn: r.declined_on, reason: r.reason, note: r.note }));
}

export type MeasurementVersionRecord = { version: number; value: number; recordedAt: Date; recordedBy: string | null; reason: string | null };
export type MeasurementRecord = { testCode: MeasurementTestCode; value: number; unit: string; versions: MeasurementVersionRecord[] };
export type DeeperAssessmentRecord = { id: string; assessedOn: string; profession: StoredDeeperAssessmentProfession; findings: string; tests: MeasurementRecord[] };

/** The referral's deeper assessments with each measurement as it stands (its latest version) and its versions, oldest first. */
export async function listDeeperAssessments(db: Db, id: string): Promise<DeeperAssessmentRecord[]> {
  const rows = await db.selectFrom('deeper_assessment').select(['id', 'assessed_on', 'profession', 'findings']).where('cross_referral_id', '=', id).orderBy('assessed_on').execute();
  if (rows.length === 0) return [];
  const versions = await db
    .selectFrom('deeper_assessment_test as t')
    .leftJoin('staff_user as s', 's.id', 't.recorded_by')
    .select(['t.deeper_assessment_id', 't.test_code', 't.version', 't.value', 't.unit', 't.recorded_at', 't.correction_reason', 's.display_name'])
    .where('t.deeper_assessment_id', '=', (eb) => eb.fn.any(eb.val(rows.map((r) => r.id))))
    .orderBy('t.deeper_assessment_id')
    .orderBy('t.test_code')
    .orderBy('t.version')
    .execute();
  const byAssessment = new Map<string, Map<string, MeasurementRecord>>();
  for (const v of versions) {
    const tests = byAssessment.get(v.deeper_assessment_id) ?? new Map<string, MeasurementRecord>();
    byAssessment.set(v.deeper_assessment_id, tests);
    const m = tests.get(v.test_code) ?? { testCode: v.test_code, value: 0, unit: v.unit, versions: [] };
    tests.set(v.test_code, m);
    // Ordered by version: the last one read is the value as it stands.
    m.value = Number(v.value);
    m.unit = v.unit;
    m.versions.push({ version: v.version, value: Number(v.value), recordedAt: new Date(v.recorded_at), recordedBy: v.display_name, reason: v.correction_reason });
  }
  return rows.map((r) => ({
    id: r.id,
    assessedOn: r.assessed_on,
    profession: r.profession,
    findings: r.findings,
    tests: [...(byAssessment.get(r.id)?.values() ?? [])],
  }));
}

export async function listProviderGoals(db: Db, id: string): Promise<{ id: string; description: string; setOn: string; status: string }[]> {
  const rows = await db.selectFrom('provider_goal').select(['id', 'description', 'set_on', 'status']).where('cross_referral_id', '=', id).orderBy('set_on').execute();
  return rows.map((r) => ({ id: r.id, description: r.description, setOn: r.set_on, status: r.status }));
}

export async function insertDeeperAssessment(
  db: Db,
  o: { crossReferralId: string; assessedOn: string; profession: StoredDeeperAssessmentProfession; findings: string; tests: { testCode: MeasurementTestCode; value: number; unit: string }[]; goals: string[]; recordedBy: string | null; recordedAt: Date },
): Promise<string> {
  const a = await db
    .insertInto('deeper_assessment')
    .values({ cross_referral_id: o.crossReferralId, assessed_on: o.assessedOn, profession: o.profession, findings: o.findings, recorded_by: o.recordedBy, recorded_at: o.recordedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.tests.length > 0) {
    await db
      .insertInto('deeper_assessment_test')
      .values(o.tests.map((t) => ({ deeper_assessment_id: a.id, test_code: t.testCode, value: String(t.value), unit: t.unit, recorded_by: o.recordedBy, recorded_at: o.recordedAt })))
      .execute();
  }
  if (o.goals.length > 0) {
    await db.insertInto('provider_goal').values(o.goals.map((g) => ({ cross_referral_id: o.crossReferralId, description: g, set_on: o.assessedOn }))).execute();
  }
  return a.id;
}

/** Locks a deeper assessment of the referral for a correction of its measurements; `false` when the referral has no such assessment. */
export async function lockDeeperAssessment(db: Db, crossReferralId: string, assessmentId: string): Promise<boolean> {
  const row = await db.selectFrom('deeper_assessment').select('id').where('id', '=', assessmentId).where('cross_referral_id', '=', crossReferralId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/**
 * A correction of a recorded measurement as its next version (the earlier ones stay); the
 * version number, or `undefined` when the test was never recorded in the assessment. The caller
 * holds the assessment's lock, so two corrections cannot take the same number.
 */
export async function insertMeasurementVersion(
  db: Db,
  o: { assessmentId: string; testCode: MeasurementTestCode; value: number; unit: string; reason: string; recordedBy: string | null; recordedAt: Date },
): Promise<number | undefined> {
  const row = await db
    .insertInto('deeper_assessment_test')
    .columns(['deeper_assessment_id', 'test_code', 'version', 'value', 'unit', 'correction_reason', 'recorded_by', 'recorded_at'])
    .expression((eb) =>
      eb
        .selectFrom('deeper_assessment_test')
        .select((s) => [
          s.val(o.assessmentId).as('deeper_assessment_id'),
          s.val(o.testCode).as('test_code'),
          sql<number>`max(version) + 1`.as('version'),
          s.val(String(o.value)).as('value'),
          s.val(o.unit).as('unit'),
          s.val(o.reason).as('correction_reason'),
          s.val(o.recordedBy).as('recorded_by'),
          s.val(o.recordedAt).as('recorded_at'),
        ])
        .where('deeper_assessment_id', '=', o.assessmentId)
        .where('test_code', '=', o.testCode)
        .having(sql`count(*)`, '>', 0),
    )
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}
