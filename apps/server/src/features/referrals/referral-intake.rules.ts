import type { LegalBasis, NewReferralBody, ReferralSource, TargetGroup, TreatmentStatus } from '@samkraft/contracts/referrals';
import type { FieldErrorCode, FieldErrorParams } from '@samkraft/contracts/common';
import type { FieldIssue } from '../../platform/errors.ts';
import { cprFieldErrorCode, parseCpr, type ParsedCpr } from '@samkraft/contracts/cpr';

/** What intake needs from the database, looked up before the pure check. */
export type IntakeFacts = {
  today: string;
  diagnosisExists: boolean;
  organisationExists: boolean;
  /**
   * The citizen already on record with this CPR, if any; `elsewhere` when that record's home is
   * another municipality — then nothing of it may show in the answer (issue 10.6).
   */
  existingCitizen: { birthDate: string; deceasedOn: string | null; elsewhere: boolean } | null;
};

/** The fields the schema lets be left out, checked present. */
export type CheckedIntake = { receivedOn: string; source: ReferralSource; diagnosisCode: string; treatmentStatus: TreatmentStatus; targetGroup: TargetGroup };

export type IntakeDecision =
  | ({ ok: true; cpr: ParsedCpr; legalBasis: LegalBasis; sex: 'F' | 'M' | null } & CheckedIntake)
  | { ok: false; issues: FieldIssue[] };

/** Sources that always come from an organisation: the referral must name it (id or text). */
const ORGANISATION_SOURCES = new Set(['gp', 'hospital_gop', 'hospital_ref01', 'municipal']);

/**
 * Every rule of referral intake, each failure naming its field, so the form can show all of
 * them at once and nothing is stored. Note §8.4 (target group), Sundhedsloven §140 (GOP).
 */
export function checkReferralIntake(body: NewReferralBody, facts: IntakeFacts): IntakeDecision {
  const issues: FieldIssue[] = [];
  const add = (field: string, code: FieldErrorCode, message: string, params?: FieldErrorParams) => issues.push({ field, code, message, ...(params ? { params } : {}) });

  const parsed = parseCpr(body.citizen.cpr);
  if (!parsed.ok) add('citizen.cpr', cprFieldErrorCode[parsed.code], parsed.message);
  const cpr = parsed.ok ? parsed.cpr : null;

  const existing = facts.existingCitizen;
  const elsewhere = existing?.elsewhere === true;
  if (elsewhere) {
    // Registered in another municipality: the form behaves as for a new citizen (names asked),
    // and taking the citizen over needs the date of the move — never a silent overwrite.
    const movedInOn = body.citizen.movedInOn;
    if (!movedInOn) add('citizen.movedInOn', 'move_date_required', 'the CPR number belongs to a citizen registered in another municipality: give the date the citizen moved here');
    else if (movedInOn > facts.today) add('citizen.movedInOn', 'future_date', `must not be in the future (today is ${facts.today})`);
    // After a confirmed move only, and without the record's date.
    else if (existing?.deceasedOn) add('citizen.cpr', 'citizen_deceased', 'the citizen is registered as deceased');
  } else if (existing?.deceasedOn) {
    add('citizen.cpr', 'citizen_deceased', `the citizen is registered as deceased on ${existing.deceasedOn}`, { deceasedOn: existing.deceasedOn });
  }
  // No citizen known here (a new CPR, or one not yet readable): the names are asked for, so an
  // empty form names them beside the CPR.
  if (!existing || elsewhere) {
    if (!body.citizen.givenName) add('citizen.givenName', 'required', 'is required for a new citizen');
    if (!body.citizen.familyName) add('citizen.familyName', 'required', 'is required for a new citizen');
    if (cpr?.sex === null && !body.citizen.sex) add('citizen.sex', 'sex_required_replacement_cpr', 'is required: the replacement CPR carries no sex');
  }

  const { receivedOn, source, diagnosisCode, treatmentStatus, targetGroup } = body;
  if (!receivedOn) add('receivedOn', 'required', 'is required');
  else if (receivedOn > facts.today) add('receivedOn', 'future_date', `must not be in the future (today is ${facts.today})`);
  const birthDate = (elsewhere ? undefined : existing?.birthDate) ?? cpr?.birthDate;
  if (receivedOn && birthDate && receivedOn < birthDate) add('receivedOn', 'before_birth', 'must not be before the citizen was born');

  if (!source) add('source', 'required', 'is required');
  let legalBasis = body.legalBasis;
  if (source === 'hospital_gop') {
    if (legalBasis && legalBasis !== 'SUL140') add('legalBasis', 'gop_requires_sul140', 'a hospital rehabilitation plan (GOP) is always Sundhedsloven §140');
    legalBasis = 'SUL140';
  }
  if (!legalBasis) add('legalBasis', 'required', 'is required');

  if (body.referringOrganisationId && !facts.organisationExists) add('referringOrganisationId', 'unknown_organisation', 'is not a known organisation');
  if (source && ORGANISATION_SOURCES.has(source) && !body.referringOrganisationId && !body.referringText) {
    add('referringOrganisationId', 'organisation_required', 'name the referring organisation (choose one or write its name)');
  }
  if (!diagnosisCode) add('diagnosisCode', 'required', 'is required');
  else if (!facts.diagnosisExists) add('diagnosisCode', 'unknown_diagnosis', 'is not in the diagnosis list (ICD-10 DC00–DD09)');

  if (!treatmentStatus) add('treatmentStatus', 'required', 'is required');
  if (body.treatmentStartedOn && body.treatmentStartedOn > facts.today) add('treatmentStartedOn', 'future_date', 'must not be in the future');
  if (body.treatmentStartedOn && body.treatmentEndedOn && body.treatmentEndedOn < body.treatmentStartedOn) {
    add('treatmentEndedOn', 'before_treatment_start', 'must not be before the treatment started');
  }
  if (treatmentStatus === 'treatment_ended' && !body.treatmentEndedOn) add('treatmentEndedOn', 'required', 'is required when the treatment has ended');

  if (legalBasis === 'SUL140' && !body.dischargedOn) add('dischargedOn', 'discharge_required_sul140', 'is required for a §140 referral: training must be offered within 7 days of discharge');
  if (body.dischargedOn && body.dischargedOn > facts.today) add('dischargedOn', 'future_date', 'must not be in the future');
  if (body.planClinicalStartOn && body.dischargedOn && body.planClinicalStartOn < body.dischargedOn) {
    add('planClinicalStartOn', 'before_discharge', 'must not be before the discharge');
  }

  const reasons = body.targetGroupReasons ?? [];
  switch (targetGroup) {
    case undefined:
      add('targetGroup', 'required', 'is required');
      break;
    case 'in_group':
      if (reasons.length > 0) add('targetGroupReasons', 'reasons_not_allowed', 'are given only for a citizen outside the target group');
      break;
    case 'outside':
      if (reasons.length === 0) add('targetGroupReasons', 'reason_required', 'choose at least one reason the citizen is outside the target group');
      if (reasons.includes('other') && !body.targetGroupJustification) add('targetGroupJustification', 'justification_required', 'is required when the reason is "other"');
      break;
    case 'admitted_individual':
      if (!body.targetGroupJustification) add('targetGroupJustification', 'justification_required', 'is required: write why the citizen is admitted after an individual assessment');
      break;
  }
  if (new Set(reasons).size !== reasons.length) add('targetGroupReasons', 'duplicate', 'must not repeat a reason');

  if (issues.length > 0 || !cpr || !legalBasis || !receivedOn || !source || !diagnosisCode || !treatmentStatus || !targetGroup) return { ok: false, issues };
  return { ok: true, cpr, legalBasis, sex: cpr.sex ?? body.citizen.sex ?? null, receivedOn, source, diagnosisCode, treatmentStatus, targetGroup };
}

