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
