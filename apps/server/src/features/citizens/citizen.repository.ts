import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { CitizenAccessFacts } from './citizen-access.rules.ts';

export async function loadCitizenAccessFacts(db: Db, citizenId: string): Promise<CitizenAccessFacts | undefined> {
  const r = await db
    .selectFrom('citizen as c')
    .select([
      'c.home_municipality_code',
      sql<string[]>`coalesce((select array_agg(distinct r.home_municipality_code) from referral r where r.citizen_id = c.id), '{}')`.as('referral_homes'),
      sql<string[]>`coalesce((select array_agg(distinct x.provider_municipality_code)
        from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id
        where r.citizen_id = c.id and x.kind = 'cross_municipal' and x.sent_at is not null), '{}')`.as('providers'),
    ])
    .where('c.id', '=', citizenId)
    .executeTakeFirst();
  return r && { homeMunicipalityCode: r.home_municipality_code, referralHomeCodes: r.referral_homes, sharedWithProviderCodes: r.providers };
}

export type CitizenRecord = {
  id: string;
  cpr: string | null;
  pseudonym: string | null;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  homeMunicipalityCode: string;
  homeMunicipalityName: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  protected: boolean;
  deceasedOn: string | null;
  vulnerable: boolean;
  synthetic: boolean;
  gpOrganisationId: string | null;
  courses: { courseId: string; receivedOn: string; closedOn: string | null; homeMunicipalityCode: string }[];
};

export async function loadCitizen(db: Db, citizenId: string): Promise<CitizenRecord | undefined> {
  const c = await db
    .selectFrom('citizen as c')
    .innerJoin('municipality as m', 'm.code', 'c.home_municipality_code')
    .selectAll('c')
    .select('m.name as municipality_name')
    .where('c.id', '=', citizenId)
    .executeTakeFirst();
  if (!c) return undefined;
  const courses = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['k.id', 'r.received_on', 'k.closed_on', 'r.home_municipality_code'])
    .where('r.citizen_id', '=', citizenId)
    .orderBy('r.received_on', 'desc')
    .execute();
  return {
    id: c.id,
    cpr: c.cpr,
    pseudonym: c.pseudonym,
    givenName: c.given_name,
    familyName: c.family_name,
    sex: c.sex,
    birthDate: c.birth_date,
    homeMunicipalityCode: c.home_municipality_code,
    homeMunicipalityName: c.municipality_name,
    addressLine: c.address_line,
    postalCode: c.postal_code,
    city: c.city,
    protected: c.name_address_protected,
    deceasedOn: c.deceased_on,
    vulnerable: c.vulnerable,
    synthetic: c.is_synthetic,
    gpOrganisationId: c.gp_organisation_id,
    courses: courses.map((k) => ({ courseId: k.id, receivedOn: k.received_on, closedOn: k.closed_on, homeMunicipalityCode: k.home_municipality_code })),
  };
}

/** Sets (or clears) the citizen's GP clinic. */
export async function updateCitizenGp(db: Db, citizenId: string, gpOrganisationId: string | null, at: Date): Promise<void> {
  await db.updateTable('citizen').set({ gp_organisation_id: gpOrganisationId, updated_at: at }).where('id', '=', citizenId).execute();
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

export async function markCitizenDeceased(db: Db, citizenId: string, deceasedOn: string, at: Date): Promise<void> {
  await db.updateTable('citizen').set({ deceased_on: deceasedOn, updated_at: at }).where('id', '=', citizenId).execute();
}

export async function updateCitizenVulnerable(db: Db, citizenId: string, vulnerable: boolean): Promise<void> {
  await db.updateTable('citizen').set({ vulnerable, updated_at: new Date() }).where('id', '=', citizenId).execute();
}

/** A citizen's id, name and home municipality by CPR (the unique index), nothing more. */
export async function findCitizenRefByCpr(db: Db, cpr: string): Promise<{ id: string; name: string; homeMunicipalityCode: string } | undefined> {
  const r = await db.selectFrom('citizen').select(['id', 'given_name', 'family_name', 'home_municipality_code']).where('cpr', '=', cpr).executeTakeFirst();
  return r && { id: r.id, name: `${r.given_name} ${r.family_name}`, homeMunicipalityCode: r.home_municipality_code };
}
