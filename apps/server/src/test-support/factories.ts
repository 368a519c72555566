import { randomUUID } from 'node:crypto';
import type { Profession, Role } from '@samkraft/contracts/common';
import type { OrganisationKind } from '@samkraft/contracts/organisations';
import type { ReferralSource } from '@samkraft/contracts/referrals';
import type { Db } from '../platform/database/database.ts';

/**
 * Small factories: each test builds the rows it needs. Citizens are synthetic, with `P-`
 * pseudonyms — never a CPR-shaped number.
 */

export async function aMunicipality(db: Db, code: string, name: string, isMember = true): Promise<string> {
  await db
    .insertInto('municipality')
    .values({ code, name, is_member: isMember, joined_on: isMember ? '2014-01-01' : null })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return code;
}

export async function aStaffUser(
  db: Db,
  o: { municipalityCode: string; roles: Role[]; username?: string; displayName?: string; profession?: Profession; isDemo?: boolean; passwordHash?: string | null },
): Promise<string> {
  const username = o.username ?? `u${randomUUID().slice(0, 8)}`;
  const row = await db
    .insertInto('staff_user')
    .values({
      username,
      display_name: o.displayName ?? `Test ${username}`,
      municipality_code: o.municipalityCode,
      profession: o.profession ?? 'nurse',
      is_demo: o.isDemo ?? true,
      password_hash: o.passwordHash ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_role').values(o.roles.map((role) => ({ staff_user_id: row.id, role }))).execute();
  return row.id;
}

export async function aCitizen(
  db: Db,
  o: { homeMunicipalityCode: string; givenName?: string; familyName?: string; sex?: 'F' | 'M'; birthDate?: string; protected?: boolean; /** An official test CPR (shared/refdata/cpr); otherwise a synthetic pseudonym. */ cpr?: string },
): Promise<string> {
  const row = await db
    .insertInto('citizen')
    .values({
      ...(o.cpr ? { cpr: o.cpr, is_synthetic: false } : { pseudonym: `P-${randomUUID().slice(0, 13)}`, is_synthetic: true }),
      given_name: o.givenName ?? 'Syntetisk',
      family_name: o.familyName ?? 'Testborger',
      sex: o.sex ?? 'F',
      birth_date: o.birthDate ?? '1960-05-17',
      home_municipality_code: o.homeMunicipalityCode,
      address_line: 'Testvej 1',
      postal_code: '2860',
      city: 'Søborg',
      name_address_protected: o.protected ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An organisation; its SOR code and GLN, when given, are MedCom's test identifiers (refdata/fhir/medcom/carecommunication). */
export async function anOrganisation(
  db: Db,
  o: { kind: OrganisationKind; name: string; parentId?: string; sorCode?: string; gln?: string; ydernummer?: string; municipalityCode?: string; active?: boolean },
): Promise<string> {
  const row = await db
    .insertInto('organisation')
    .values({
      kind: o.kind,
      name: o.name,
      parent_id: o.parentId ?? null,
      sor_code: o.sorCode ?? null,
      ean: o.gln ?? null,
      ydernummer: o.ydernummer ?? null,
      municipality_code: o.municipalityCode ?? null,
      active: o.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aReferralWithCourse(
  db: Db,
  o: { citizenId: string; homeMunicipalityCode: string; receivedOn?: string; contactPersonId?: string; source?: ReferralSource },
): Promise<{ referralId: string; courseId: string }> {
  const receivedOn = o.receivedOn ?? '2026-11-02';
  const r = await db
    .insertInto('referral')
    .values({ citizen_id: o.citizenId, home_municipality_code: o.homeMunicipalityCode, received_on: receivedOn, source: o.source ?? 'gp', origin: 'api' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const k = await db.insertInto('course').values({ referral_id: r.id, opened_on: receivedOn }).returning('id').executeTakeFirstOrThrow();
  if (o.contactPersonId) {
    await db.insertInto('course_assignment').values({ course_id: k.id, staff_user_id: o.contactPersonId }).execute();
  }
  return { referralId: r.id, courseId: k.id };
}

export async function anIntervention(db: Db, code: string, o: { form?: 'team' | 'individual' } = {}): Promise<string> {
  await db
    .insertInto('intervention')
    .values({ code, name_da: `Indsats ${code}`, name_en: `Intervention ${code}`, category: 'physical_training', form: o.form ?? 'team', team_mode: o.form === 'individual' ? null : 'rolling' })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return code;
}

export async function anOffering(db: Db, o: { interventionCode: string; hostMunicipalityCode: string; capacity?: number }): Promise<string> {
  const row = await db
    .insertInto('offering')
    .values({ intervention_code: o.interventionCode, host_municipality_code: o.hostMunicipalityCode, place_name: 'Træningscenter', capacity: o.capacity ?? 12, valid_from: '2017-10-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aCrossReferral(
  db: Db,
  o: { courseId: string; offeringId: string; interventionCode: string; providerMunicipalityCode: string; receivedOn?: string },
): Promise<string> {
  const receivedOn = o.receivedOn ?? '2026-11-10';
  const row = await db
    .insertInto('cross_referral')
    .values({
      course_id: o.courseId,
      kind: 'cross_municipal',
      intervention_code: o.interventionCode,
      offering_id: o.offeringId,
      provider_municipality_code: o.providerMunicipalityCode,
      consent_on: receivedOn,
      shared_snapshot: JSON.stringify({ plan: 'shared part' }),
      sent_at: new Date(`${receivedOn}T09:00:00Z`),
      received_on: receivedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aTeamWithSession(db: Db, o: { offeringId: string }): Promise<{ teamId: string; sessionId: string }> {
  const t = await db
    .insertInto('team')
    .values({ offering_id: o.offeringId, name: 'Hold 1', mode: 'rolling', capacity: 12, session_quota: 29, starts_on: '2026-09-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const s = await db
    .insertInto('team_session')
    .values({ team_id: t.id, starts_at: new Date('2026-11-03T09:00:00Z'), duration_minutes: 60 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { teamId: t.id, sessionId: s.id };
}

/**
 * A municipality's own unit with its EAN (GLN location number), at which messages to the
 * municipality arrive (hospital referrals are matched to their municipality by it).
 */
export async function aMunicipalUnit(db: Db, o: { municipalityCode: string; name: string; ean: string }): Promise<string> {
  const row = await db.insertInto('organisation').values({ kind: 'municipal_unit', name: o.name, ean: o.ean, municipality_code: o.municipalityCode }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
