import type { Db } from '../../platform/database/database.ts';
import type { LegalBasis, ReferralSource, TargetGroup, TreatmentStatus } from '@samkraft/contracts/referrals';

export type CitizenByCpr = {
  id: string;
  homeMunicipalityCode: string;
  birthDate: string;
  deceasedOn: string | null;
  givenName: string;
  familyName: string;
  protected: boolean;
  gpOrganisationId: string | null;
};

export async function findCitizenByCpr(db: Db, cpr: string): Promise<CitizenByCpr | undefined> {
  const c = await db
    .selectFrom('citizen')
    .select(['id', 'home_municipality_code', 'birth_date', 'deceased_on', 'given_name', 'family_name', 'name_address_protected', 'gp_organisation_id'])
    .where('cpr', '=', cpr)
    .executeTakeFirst();
  return (
    c && {
      id: c.id,
      homeMunicipalityCode: c.home_municipality_code,
      birthDate: c.birth_date,
      deceasedOn: c.deceased_on,
      givenName: c.given_name,
      familyName: c.family_name,
      protected: c.name_address_protected,
      gpOrganisationId: c.gp_organisation_id,
    }
  );
}

export async function diagnosisExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('diagnosis').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** The citizen's open course in a home municipality (the latest, should there be several). */
export async function findOpenCourse(db: Db, citizenId: string, municipalityCode: string): Promise<{ courseId: string; referralId: string; receivedOn: string } | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['k.id', 'r.id as referral_id', 'r.received_on'])
    .where('r.citizen_id', '=', citizenId)
    .where('r.home_municipality_code', '=', municipalityCode)
    .where('k.closed_on', 'is', null)
    .orderBy('r.received_on', 'desc')
    .orderBy('k.created_at', 'desc')
    .executeTakeFirst();
  return r && { courseId: r.id, referralId: r.referral_id, receivedOn: r.received_on };
}

export type NewReferral = {
  origin: 'ui' | 'medcom';
  citizenId: string;
  homeMunicipalityCode: string;
  receivedOn: string;
  source: ReferralSource;
  legalBasis: LegalBasis;
  referringOrganisationId: string | null;
  referringText: string | null;
  diagnosisCode: string;
  treatmentStatus: TreatmentStatus;
  treatmentStartedOn: string | null;
  treatmentEndedOn: string | null;
  dischargedOn: string | null;
  planClinicalStartOn: string | null;
  targetGroup: TargetGroup;
  targetGroupReasons: string[] | null;
  targetGroupJustification: string | null;
  linkedReferralId: string | null;
  createdBy: string | null;
};

export async function insertReferral(db: Db, r: NewReferral): Promise<string> {
  const ref = await db
    .insertInto('referral')
    .values({
      citizen_id: r.citizenId,
      home_municipality_code: r.homeMunicipalityCode,
      origin: r.origin,
      received_on: r.receivedOn,
      source: r.source,
      legal_basis: r.legalBasis,
      referring_organisation_id: r.referringOrganisationId,
      referring_text: r.referringText,
      diagnosis_code: r.diagnosisCode,
      treatment_status: r.treatmentStatus,
      treatment_started_on: r.treatmentStartedOn,
      treatment_ended_on: r.treatmentEndedOn,
      discharged_on: r.dischargedOn,
      plan_clinical_start_on: r.planClinicalStartOn,
      target_group: r.targetGroup,
      target_group_reasons: r.targetGroupReasons,
      target_group_justification: r.targetGroupJustification,
      linked_referral_id: r.linkedReferralId,
      created_by: r.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ref.id;
}

/** The citizen's open courses in one home municipality (closed by `courses`' `closeCourses`). */
export async function listOpenCourseIdsOfCitizen(db: Db, citizenId: string, municipalityCode: string): Promise<string[]> {
  const open = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select('k.id')
    .where('r.citizen_id', '=', citizenId)
    .where('r.home_municipality_code', '=', municipalityCode)
    .where('k.closed_on', 'is', null)
    .execute();
  return open.map((k) => k.id);
}

export type DiagnosisRecord = { code: string; titleDa: string; titleEn: string | null; uncertain: boolean };

export async function listDiagnoses(db: Db): Promise<DiagnosisRecord[]> {
  const rows = await db.selectFrom('diagnosis').select(['code', 'title_da', 'title_en', 'uncertain']).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, titleDa: r.title_da, titleEn: r.title_en, uncertain: r.uncertain }));
}
