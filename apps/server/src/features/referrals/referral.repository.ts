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

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;
}

export type NewCitizen = {
  cpr: string;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  homeMunicipalityCode: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  protected: boolean;
  gpOrganisationId: string | null;
};

export async function insertCitizen(db: Db, c: NewCitizen): Promise<string> {
  const row = await db
    .insertInto('citizen')
    .values({
      cpr: c.cpr,
      given_name: c.givenName,
      family_name: c.familyName,
      sex: c.sex,
      birth_date: c.birthDate,
      home_municipality_code: c.homeMunicipalityCode,
      address_line: c.addressLine,
      postal_code: c.postalCode,
      city: c.city,
      phone: c.phone,
      name_address_protected: c.protected,
      gp_organisation_id: c.gpOrganisationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type CitizenChanges = Partial<{ homeMunicipalityCode: string; givenName: string; familyName: string; addressLine: string; postalCode: string; city: string; phone: string; protected: boolean; gpOrganisationId: string }>;

export async function updateCitizen(db: Db, id: string, ch: CitizenChanges, at: Date): Promise<void> {
  await db
    .updateTable('citizen')
    .set({
      ...(ch.homeMunicipalityCode !== undefined && { home_municipality_code: ch.homeMunicipalityCode }),
      ...(ch.givenName !== undefined && { given_name: ch.givenName }),
      ...(ch.familyName !== undefined && { family_name: ch.familyName }),
      ...(ch.addressLine !== undefined && { address_line: ch.addressLine }),
      ...(ch.postalCode !== undefined && { postal_code: ch.postalCode }),
      ...(ch.city !== undefined && { city: ch.city }),
      ...(ch.phone !== undefined && { phone: ch.phone }),
      ...(ch.protected !== undefined && { name_address_protected: ch.protected }),
      ...(ch.gpOrganisationId !== undefined && { gp_organisation_id: ch.gpOrganisationId }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
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

export async function insertReferralWithCourse(db: Db, r: NewReferral, close: { closedOn: string; reason: 'not_in_target_group' } | null): Promise<{ referralId: string; courseId: string }> {
  const ref = await db
    .insertInto('referral')
    .values({
      citizen_id: r.citizenId,
      home_municipality_code: r.homeMunicipalityCode,
      origin: 'ui',
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
  const course = await db
    .insertInto('course')
    .values({ referral_id: ref.id, opened_on: r.receivedOn, closed_on: close?.closedOn ?? null, close_reason: close?.reason ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { referralId: ref.id, courseId: course.id };
}

export async function markCitizenDeceased(db: Db, citizenId: string, deceasedOn: string, at: Date): Promise<void> {
  await db.updateTable('citizen').set({ deceased_on: deceasedOn, updated_at: at }).where('id', '=', citizenId).execute();
}

/** Closes the citizen's open courses in one home municipality; never before a course opened. */
export async function closeOpenCoursesOfCitizen(db: Db, citizenId: string, municipalityCode: string, closedOn: string, reason: 'died' | 'moved'): Promise<string[]> {
  const open = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['k.id', 'k.opened_on'])
    .where('r.citizen_id', '=', citizenId)
    .where('r.home_municipality_code', '=', municipalityCode)
    .where('k.closed_on', 'is', null)
    .execute();
  for (const k of open) {
    await db
      .updateTable('course')
      .set({ closed_on: k.opened_on > closedOn ? k.opened_on : closedOn, close_reason: reason })
      .where('id', '=', k.id)
      .execute();
  }
  return open.map((k) => k.id);
}

export async function listDiagnoses(db: Db) {
  return db.selectFrom('diagnosis').select(['code', 'title_da', 'title_en', 'uncertain']).orderBy('code').execute();
}
