import type { StatusNoteEndReason } from '@samkraft/contracts/status-notes';
import type { EnrolmentEndReason } from '@samkraft/contracts/teams';
import type { Db } from '../../platform/database/database.ts';
import type { Json } from '../../platform/database/schema.ts';
import type { AssessmentForSharing, DiagnosisForSharing, PlanForSharing } from './cross-referral.rules.ts';
import type { CitizenDeclineReason, CrossReferralKind, ProviderDecision } from '@samkraft/contracts/cross-referrals';

export type RoutedOfferingRecord = {
  offeringId: string;
  interventionCode: string;
  interventionName: string;
  hostMunicipalityCode: string;
  hostMunicipalityName: string;
  placeName: string;
  address: string | null;
  inferred: boolean;
};

/** Offerings routed to a home municipality on `today` (routing and offering both in force). */
export async function listRoutedOfferings(db: Db, homeMunicipalityCode: string, today: string): Promise<RoutedOfferingRecord[]> {
  const rows = await db
    .selectFrom('routing as r')
    .innerJoin('offering as o', 'o.id', 'r.offering_id')
    .innerJoin('intervention as i', 'i.code', 'r.intervention_code')
    .innerJoin('municipality as m', 'm.code', 'o.host_municipality_code')
    .select(['o.id', 'r.intervention_code', 'i.name_da', 'o.host_municipality_code', 'm.name', 'o.place_name', 'o.address', 'r.inferred'])
    .where('r.home_municipality_code', '=', homeMunicipalityCode)
    .where('r.valid_from', '<=', today)
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', today)]))
    .where('o.valid_from', '<=', today)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', today)]))
    .where('i.active', '=', true)
    .orderBy('i.name_da')
    .orderBy('m.name')
    .execute();
  return rows.map((r) => ({
    offeringId: r.id,
    interventionCode: r.intervention_code,
    interventionName: r.name_da,
    hostMunicipalityCode: r.host_municipality_code,
    hostMunicipalityName: r.name,
    placeName: r.place_name,
    address: r.address,
    inferred: r.inferred,
  }));
}

export async function findOffering(db: Db, offeringId: string): Promise<{ id: string; interventionCode: string; interventionName: string; hostMunicipalityCode: string; placeName: string } | undefined> {
  const r = await db
    .selectFrom('offering as o')
    .innerJoin('intervention as i', 'i.code', 'o.intervention_code')
    .select(['o.id', 'o.intervention_code', 'i.name_da', 'o.host_municipality_code', 'o.place_name'])
    .where('o.id', '=', offeringId)
    .executeTakeFirst();
  return r && { id: r.id, interventionCode: r.intervention_code, interventionName: r.name_da, hostMunicipalityCode: r.host_municipality_code, placeName: r.place_name };
}

/** What the must-use rule needs to know of an intervention. */
export async function findInterventionForMustUse(db: Db, code: string): Promise<{ code: string; category: string; mixedDiagnoses: boolean } | undefined> {
  const r = await db.selectFrom('intervention').select(['code', 'category', 'mixed_diagnoses']).where('code', '=', code).executeTakeFirst();
  return r && { code: r.code, category: r.category, mixedDiagnoses: r.mixed_diagnoses };
}

export async function interventionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('intervention').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** The diagnosis of the course's referral, code and Danish title, to share when chosen. */
export async function findReferralDiagnosis(db: Db, courseId: string): Promise<DiagnosisForSharing | null> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .select(['d.code', 'd.title_da'])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  return r ? { code: r.code, title: r.title_da } : null;
}

/** The course's current (highest) action plan version, with its goals and responsibilities. */
export async function findCurrentPlan(db: Db, courseId: string): Promise<PlanForSharing | null> {
  const p = await db.selectFrom('action_plan').selectAll().where('course_id', '=', courseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!p) return null;
  const [goals, resp] = await Promise.all([
    db.selectFrom('plan_goal').select(['description', 'target_on']).where('action_plan_id', '=', p.id).orderBy('ordinal').execute(),
    db.selectFrom('action_plan_responsibility').select(['part', 'responsible']).where('action_plan_id', '=', p.id).orderBy('ordinal').execute(),
  ]);
  return {
    version: p.version,
    agreedOn: p.agreed_on,
    difficultiesAndNeeds: p.difficulties_and_needs,
    purposeAndContent: p.purpose_and_content,
    location: p.location,
    otherAdministrations: p.other_administrations,
    returnToWork: p.return_to_work,
    goals: goals.map((g) => ({ description: g.description, targetOn: g.target_on })),
    responsibilities: resp,
  };
}

/** The latest needs assessment (any occasion) with its problems, labelled in Danish. */
export async function findLatestAssessment(db: Db, courseId: string): Promise<AssessmentForSharing | null> {
  const a = await db
    .selectFrom('needs_assessment')
    .select(['id', 'assessed_on'])
    .where('course_id', '=', courseId)
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!a) return null;
  const problems = await db
    .selectFrom('needs_assessment_problem as p')
    .innerJoin('assessment_item as i', 'i.code', 'p.item_code')
    .select(['p.item_code', 'i.area', 'i.label_da', 'p.note'])
    .where('p.needs_assessment_id', '=', a.id)
    .orderBy('i.sort_order')
    .execute();
  return { assessedOn: a.assessed_on, problems: problems.map((p) => ({ itemCode: p.item_code, area: p.area, label: p.label_da, note: p.note })) };
}

export type NewCrossReferral = {
  courseId: string;
  kind: 'cross_municipal' | 'home' | 'temporary_home' | 'free_choice_outside';
  interventionCode: string;
  offeringId: string | null;
  providerMunicipalityCode: string;
  consentOn: string | null;
  snapshot: Json | null;
  sentAt: Date | null;
  sentBy: string | null;
  receivedOn: string;
  parallelHomeReason?: string | null;
};

export async function insertCrossReferral(db: Db, x: NewCrossReferral): Promise<string> {
  const r = await db
    .insertInto('cross_referral')
    .values({
      course_id: x.courseId,
      kind: x.kind,
      intervention_code: x.interventionCode,
      offering_id: x.offeringId,
      provider_municipality_code: x.providerMunicipalityCode,
      consent_on: x.consentOn,
      shared_snapshot: x.snapshot === null ? null : JSON.stringify(x.snapshot),
      sent_at: x.sentAt,
      sent_by: x.sentBy,
      received_on: x.receivedOn,
      parallel_home_reason: x.parallelHomeReason ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export type CrossReferralRecord = {
  id: string;
  kind: CrossReferralKind;
  interventionName: string;
  providerMunicipalityCode: string;
  providerMunicipalityName: string;
  placeName: string | null;
  consentOn: string | null;
  sentAt: Date | null;
  receivedOn: string;
  providerDecision: ProviderDecision | null;
  providerDecisionReason: string | null;
  providerContactOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  updates: number;
  snapshot: unknown;
  parallelHomeReason: string | null;
};

export async function listCourseCrossReferrals(db: Db, courseId: string): Promise<CrossReferralRecord[]> {
  const rows = await db
    .selectFrom('cross_referral as x')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .innerJoin('municipality as m', 'm.code', 'x.provider_municipality_code')
    .leftJoin('offering as o', 'o.id', 'x.offering_id')
    .select([
      'x.id',
      'x.kind',
      'i.name_da',
      'x.provider_municipality_code',
      'm.name',
      'o.place_name',
      'x.consent_on',
      'x.sent_at',
      'x.received_on',
      'x.provider_decision',
      'x.provider_decision_reason',
      'x.provider_contact_on',
      'x.started_on',
      'x.ended_on',
      'x.shared_snapshot',
      'x.parallel_home_reason',
    ])
    .select((eb) => eb.selectFrom('cross_referral_update as u').select((e) => e.fn.countAll<string>().as('n')).whereRef('u.cross_referral_id', '=', 'x.id').as('updates'))
    .where('x.course_id', '=', courseId)
    .orderBy('x.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    interventionName: r.name_da,
    providerMunicipalityCode: r.provider_municipality_code,
    providerMunicipalityName: r.name,
    placeName: r.place_name,
    consentOn: r.consent_on,
    sentAt: r.sent_at === null ? null : new Date(r.sent_at),
    receivedOn: r.received_on,
    providerDecision: r.provider_decision,
    providerDecisionReason: r.provider_decision_reason,
    providerContactOn: r.provider_contact_on,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    updates: Number(r.updates ?? 0),
    snapshot: r.shared_snapshot,
    parallelHomeReason: r.parallel_home_reason,
  }));
}

export type UpdateRecord = { crossReferralId: string; sentAt: Date; snapshot: unknown };

/** Every update sent for the course's cross-referrals, oldest first. */
export async function listCourseUpdates(db: Db, courseId: string): Promise<UpdateRecord[]> {
  const rows = await db
    .selectFrom('cross_referral_update as u')
    .innerJoin('cross_referral as x', 'x.id', 'u.cross_referral_id')
    .select(['u.cross_referral_id', 'u.sent_at', 'u.snapshot'])
    .where('x.course_id', '=', courseId)
    .orderBy('u.sent_at')
    .execute();
  return rows.map((r) => ({ crossReferralId: r.cross_referral_id, sentAt: new Date(r.sent_at), snapshot: r.snapshot }));
}

export type HomeOfferingRecord = { offeringId: string; interventionCode: string; interventionName: string; category: string; mixedDiagnoses: boolean; placeName: string };

/** The home municipality's own offerings in force on `today`, for a home or temporary home offer. */
export async function listHomeOfferings(db: Db, homeMunicipalityCode: string, today: string): Promise<HomeOfferingRecord[]> {
  const rows = await db
    .selectFrom('offering as o')
    .innerJoin('intervention as i', 'i.code', 'o.intervention_code')
    .select(['o.id', 'o.intervention_code', 'i.name_da', 'i.category', 'i.mixed_diagnoses', 'o.place_name'])
    .where('o.host_municipality_code', '=', homeMunicipalityCode)
    .where('o.valid_from', '<=', today)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', today)]))
    .where('i.active', '=', true)
    .orderBy('i.name_da')
    .orderBy('o.place_name')
    .execute();
  return rows.map((r) => ({ offeringId: r.id, interventionCode: r.intervention_code, interventionName: r.name_da, category: r.category, mixedDiagnoses: r.mixed_diagnoses, placeName: r.place_name }));
}

export type CrossReferralKey = {
  id: string;
  courseId: string;
  citizenId: string;
  homeMunicipalityCode: string;
  providerMunicipalityCode: string;
  kind: CrossReferralKind;
  interventionCode: string;
  interventionName: string;
  placeName: string | null;
  sent: boolean;
  receivedOn: string;
  providerDecision: ProviderDecision | null;
};

export async function findCrossReferralKey(db: Db, id: string): Promise<CrossReferralKey | undefined> {
  const r = await db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .leftJoin('offering as o', 'o.id', 'x.offering_id')
    .select(['x.id', 'x.course_id', 'f.citizen_id', 'f.home_municipality_code', 'x.provider_municipality_code', 'x.kind', 'x.intervention_code', 'i.name_da', 'o.place_name', 'x.sent_at', 'x.received_on', 'x.provider_decision'])
    .where('x.id', '=', id)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      courseId: r.course_id,
      citizenId: r.citizen_id,
      homeMunicipalityCode: r.home_municipality_code,
      providerMunicipalityCode: r.provider_municipality_code,
      kind: r.kind,
      interventionCode: r.intervention_code,
      interventionName: r.name_da,
      placeName: r.place_name,
      sent: r.sent_at !== null,
      receivedOn: r.received_on,
      providerDecision: r.provider_decision,
    }
  );
}

export async function insertUpdate(db: Db, o: { crossReferralId: string; snapshot: Json; sentAt: Date; sentBy: string | null }): Promise<void> {
  await db.insertInto('cross_referral_update').values({ cross_referral_id: o.crossReferralId, snapshot: JSON.stringify(o.snapshot), sent_at: o.sentAt, sent_by: o.sentBy }).execute();
}

export type DeclineRecord = { crossReferralId: string | null; declinedOn: string; reason: CitizenDeclineReason; note: string | null };

export async function listDeclines(db: Db, courseId: string): Promise<DeclineRecord[]> {
  const rows = await db.selectFrom('decline').select(['cross_referral_id', 'declined_on', 'reason', 'note']).where('course_id', '=', courseId).orderBy('declined_on').execute();
  return rows.map((r) => ({ crossReferralId: r.cross_referral_id, declinedOn: r.declined_on, reason: r.reason, note: r.note }));
}

export async function insertDecline(db: Db, o: { courseId: string; crossReferralId: string; declinedOn: string; reason: CitizenDeclineReason; note: string | null; recordedBy: string | null }): Promise<void> {
  await db
    .insertInto('decline')
    .values({ course_id: o.courseId, cross_referral_id: o.crossReferralId, declined_on: o.declinedOn, reason: o.reason, note: o.note, recorded_by: o.recordedBy })
    .execute();
}

/* The provider's progress on the referral: decision, deeper assessment, start and end. */

export async function setProviderAccepted(db: Db, id: string, contactOn: string): Promise<void> {
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_decision_reason: null, provider_contact_on: contactOn }).where('id', '=', id).execute();
}

export async function setProviderDeclined(db: Db, id: string, reason: string): Promise<void> {
  await db.updateTable('cross_referral').set({ provider_decision: 'declined', provider_decision_reason: reason }).where('id', '=', id).execute();
}

/** The deadline is met by the first deeper assessment; a later one does not move it. */
export async function setDeeperAssessedIfFirst(db: Db, crossReferralId: string, assessedOn: string): Promise<void> {
  await db.updateTable('cross_referral').set({ deeper_assessment_on: assessedOn }).where('id', '=', crossReferralId).where('deeper_assessment_on', 'is', null).execute();
}

/**
 * The provider's start of the course is the first session the citizen attended (the extract's
 * "first session attended"): set on the first attendance, moved earlier if an earlier session is
 * marked attended later, never later; a date the home side already closed is left alone.
 */
export async function markReferralAttended(db: Db, crossReferralId: string, attendedOn: string): Promise<void> {
  await db
    .updateTable('cross_referral')
    .set({ started_on: attendedOn })
    .where('id', '=', crossReferralId)
    .where('received_on', '<=', attendedOn)
    .where((eb) => eb.or([eb('started_on', 'is', null), eb('started_on', '>', attendedOn)]))
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', attendedOn)]))
    .execute();
}

/**
 * Ends the cross-municipal referral with its enrolment, unless it already has an end (a status
 * note may have set it first; it is never overwritten) or the citizen is still on another team
 * for it.
 */
export async function endReferralWithEnrolment(db: Db, crossReferralId: string, endedOn: string, endReason: Exclude<EnrolmentEndReason, 'quota_reached'>): Promise<void> {
  await db
    .updateTable('cross_referral as x')
    .set({ ended_on: endedOn, end_reason: endReason })
    .where('x.id', '=', crossReferralId)
    .where('x.ended_on', 'is', null)
    .where((eb) => eb.or([eb('x.started_on', 'is', null), eb('x.started_on', '<=', endedOn)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('enrolment as e').select('e.id').whereRef('e.cross_referral_id', '=', 'x.id').where('e.status', 'in', ['waiting', 'enrolled']))))
    .execute();
}

/** Sets the referral's end only while it has none: an enrolment ending in a team may have set it first. */
export async function setReferralEndedIfOpen(db: Db, crossReferralId: string, endedOn: string, endReason: StatusNoteEndReason): Promise<boolean> {
  const r = await db
    .updateTable('cross_referral')
    .set({ ended_on: endedOn, end_reason: endReason })
    .where('id', '=', crossReferralId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
