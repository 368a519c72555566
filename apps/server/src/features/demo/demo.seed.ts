import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { parseCpr } from '@samkraft/contracts/cpr';
import { townHallDistanceKm } from '../reference-data/distances.data.ts';
import type { DemoContext } from './demo-context.ts';
import { addCourse } from './demo-courses.ts';
import { HOSTING_FROM, demoOfferings, demoPlaceOf, planRouting } from './demo-hosting.ts';
import { DEPARTMENT_IDENTIFIERS, GP_CLINIC_IDENTIFIERS, MUNICIPAL_UNIT_IDENTIFIERS, medcomIdentifiers } from './demo-organisations.data.ts';
import { DEPARTMENTS, GP_CLINICS, HOSPITAL, POSTAL, TEST_PERSONS, demoStaff, demoUsernames, type DepartmentKey } from './demo-people.data.ts';
import { DEMO_SCENARIOS } from './demo-scenarios.data.ts';
import { emptyDemoRows, writeDemoRows } from './demo-rows.ts';
import { seedDemoTariffs } from './demo-tariffs.ts';
import { addTeams, teamKey } from './demo-teams.ts';
import { typedEntries } from '@samkraft/contracts/typed';

export { demoUsernames };

/**
 * True when nobody has used the database yet: it has no staff users. Reference data does not
 * count (every start seeds it), and staff users are what a real installation creates first, so
 * "no staff" is the one safe sign that demo data will not mix with real records.
 */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const r = await sql<{ empty: boolean }>`select not exists (select 1 from staff_user) as empty`.execute(db);
  return r.rows[0]?.empty ?? true;
}

/**
 * Demo data for trying Samkraft: the hospital, GP clinics and the municipalities' own units, the
 * 2017 hosting and routing, demo staff, official test persons as citizens, and ~20 courses at
 * every step, all dated relative to `today` (YYYY-MM-DD) so the demo stays fresh. Needs the
 * reference data. One transaction: all or nothing. Running it on a database that already has the
 * demo users does nothing.
 */
export async function seedDemoData(db: Db, today: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`seedDemoData: today must be YYYY-MM-DD, not ${today}`);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('staff_user').select('id').where(sql<string>`lower(username)`, '=', demoUsernames.gladsaxeContactPerson).executeTakeFirst();
    if (existing) return;

    const municipalityNames = new Map((await trx.selectFrom('municipality').select(['code', 'name']).execute()).map((m) => [m.code, m.name]));
    const interventionNames = new Map((await trx.selectFrom('intervention').select(['code', 'name_da']).execute()).map((i) => [i.code, i.name_da]));
    const itemLabels = new Map((await trx.selectFrom('assessment_item').select(['code', 'label_da']).execute()).map((i) => [i.code, i.label_da]));
    if (municipalityNames.size === 0 || interventionNames.size === 0) throw new Error('seedDemoData needs the reference data: run seedReferenceData first');

    const rows = emptyDemoRows();

    // Organisations: the hospital, its departments, fictional GP clinics and the nine member
    // municipalities' own units, some with the SOR code and GLN of an organisation of MedCom's test
    // messages (demo-organisations.data.ts says which, and why).
    const hospitalId = randomUUID();
    rows.organisations.push({ id: hospitalId, kind: 'hospital', name: HOSPITAL.name, parent_id: null, municipality_code: HOSPITAL.municipality, address: HOSPITAL.address, ...medcomIdentifiers(null) });
    const departments = new Map<DepartmentKey, string>();
    for (const [key, name] of typedEntries(DEPARTMENTS)) {
      const id = randomUUID();
      rows.organisations.push({ id, kind: 'hospital_department', name, parent_id: hospitalId, municipality_code: HOSPITAL.municipality, address: HOSPITAL.address, ...medcomIdentifiers(DEPARTMENT_IDENTIFIERS[key]) });
      departments.set(key, id);
    }
    const gpClinics = new Map<string, string>();
    for (const gp of GP_CLINICS) {
      const id = randomUUID();
      rows.organisations.push({ id, kind: 'gp_clinic', name: gp.name, parent_id: null, municipality_code: gp.municipality, address: gp.address, ...medcomIdentifiers(GP_CLINIC_IDENTIFIERS[gp.municipality]) });
      gpClinics.set(gp.municipality, id);
    }
    for (const [code, key] of Object.entries(MUNICIPAL_UNIT_IDENTIFIERS)) {
      const name = `Kræftrehabiliteringen, ${municipalityNames.get(code) ?? code} Kommune`;
      rows.organisations.push({ id: randomUUID(), kind: 'municipal_unit', name, parent_id: null, municipality_code: code, address: demoPlaceOf(code).address, ...medcomIdentifiers(key) });
    }

    // Staff.
    const staff = new Map<string, string>();
    const staffNames = new Map<string, string>();
    for (const s of demoStaff()) {
      const id = randomUUID();
      rows.staffUsers.push({ id, username: s.username, display_name: s.displayName, email: `${s.username}@demo.invalid`, municipality_code: s.municipality, profession: s.profession, password_hash: null, is_demo: true });
      rows.staffRoles.push(...s.roles.map((role) => ({ staff_user_id: id, role })));
      staff.set(s.username, id);
      staffNames.set(id, s.displayName);
    }

    // Offerings and routing as from 1 October 2017.
    const offerings = new Map<string, { id: string; placeName: string }>();
    const offeringIds = new Map<string, string>();
    for (const o of demoOfferings()) {
      const id = randomUUID();
      rows.offerings.push({ id, intervention_code: o.interventionCode, host_municipality_code: o.host, place_name: o.placeName, address: o.address, capacity: o.capacity, valid_from: HOSTING_FROM, note: 'Demo: place and address are illustrative' });
      offerings.set(teamKey(o.interventionCode, o.host), { id, placeName: o.placeName });
      offeringIds.set(teamKey(o.interventionCode, o.host), id);
    }
    const routes = new Map<string, string>();
    for (const r of planRouting(demoOfferings(), townHallDistanceKm)) {
      routes.set(`${r.interventionCode}@${r.home}`, r.host);
      const offering = offeringIds.get(teamKey(r.interventionCode, r.host));
      if (!offering) throw new Error(`no offering for route ${r.interventionCode} ${r.home} → ${r.host}`);
      rows.routings.push({ intervention_code: r.interventionCode, home_municipality_code: r.home, offering_id: offering, valid_from: HOSTING_FROM, inferred: r.inferred, note: r.note });
    }

    const teams = addTeams(rows, today, offeringIds);

    const ctx: DemoContext = { rows, today, staff, staffNames, offerings, routes, teams, departments, gpClinics, municipalityNames, interventionNames, itemLabels };
    for (const [index, scenario] of DEMO_SCENARIOS.entries()) {
      const person = TEST_PERSONS[scenario.person];
      const parsed = parseCpr(person.cpr);
      // Birth date and sex come from the CPR: one official test row disagrees with its own CPR.
      if (!parsed.ok || parsed.cpr.sex === null) throw new Error(`demo test person ${person.cpr}: ${parsed.ok ? 'no sex digit' : parsed.message}`);
      const postal = POSTAL[scenario.home];
      const citizenId = randomUUID();
      rows.citizens.push({
        id: citizenId,
        cpr: parsed.cpr.value,
        given_name: person.givenName,
        family_name: person.familyName,
        sex: parsed.cpr.sex,
        birth_date: parsed.cpr.birthDate,
        home_municipality_code: scenario.home,
        address_line: person.addressLine,
        postal_code: postal?.postalCode ?? null,
        city: postal?.city ?? null,
        name_address_protected: scenario.protectedAddress ?? false,
        gp_organisation_id: gpClinics.get(scenario.home) ?? null,
        vulnerable: scenario.vulnerable ?? false,
        pensioner: scenario.pensioner ?? false,
      });
      addCourse(ctx, scenario, citizenId, index);
    }

    await writeDemoRows(trx, rows);
    await seedDemoTariffs(trx, await trx.selectFrom('intervention').select(['code', 'form']).where('active', '=', true).execute());
  });
}
