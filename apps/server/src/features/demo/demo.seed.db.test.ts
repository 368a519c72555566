import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { checkGln, checkSor } from '@samkraft/contracts/identifiers';
import { findOrganisationByIdentifierIn, findOrganisationBySorIn, messagingUnitOfIn } from '../organisations/organisation.service.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { MEDCOM_TEST_ORGANISATIONS } from './demo-organisations.data.ts';
import { demoUsernames, isDatabaseEmpty, seedDemoData } from './demo.seed.ts';

// A Wednesday; the demo must hold for any day, so a second database below seeds on a Sunday.
const TODAY = '2026-03-18';

const testPersons = JSON.parse(
  fs.readFileSync(new URL('../../../../../refdata/cpr/dkcore_medcom_test_patients.json', import.meta.url), 'utf8'),
) as { identifiers: string[] }[];
const officialCprs = new Set(testPersons.flatMap((p) => p.identifiers));

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  expect(await isDatabaseEmpty(database.db)).toBe(true);
  await seedDemoData(database.db, TODAY);
});

afterAll(async () => {
  await database.close();
});

const count = async (table: string): Promise<number> => {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
  return r.rows[0]?.n ?? -1;
};

describe('seedDemoData', () => {
  it('makes the database non-empty and is a no-op the second time', async () => {
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    const before = await count('referral');
    await seedDemoData(database.db, TODAY);
    expect(await count('referral')).toBe(before);
  });

  it('creates the hospital with departments, fictional GP clinics and a unit of each member municipality', async () => {
    const orgs = await database.db.selectFrom('organisation').selectAll().execute();
    expect(orgs.filter((o) => o.kind === 'hospital')).toHaveLength(1);
    expect(orgs.filter((o) => o.kind === 'hospital_department').length).toBeGreaterThanOrEqual(5);
    expect(orgs.filter((o) => o.kind === 'gp_clinic').length).toBeGreaterThanOrEqual(3);
    const members = (await database.db.selectFrom('municipality').select('code').where('is_member', '=', true).execute()).map((m) => m.code).sort();
    expect(orgs.filter((o) => o.kind === 'municipal_unit').map((o) => o.municipality_code).sort()).toEqual(members);
  });

  it('gives organisations only SOR codes and GLNs of MedCom’s test messages, each pair whole, and checked', async () => {
    const orgs = await database.db.selectFrom('organisation').selectAll().where((eb) => eb.or([eb('sor_code', 'is not', null), eb('ean', 'is not', null)])).execute();
    const pairs = new Set(Object.values(MEDCOM_TEST_ORGANISATIONS).map((o) => `${o.sorCode}/${o.gln}`));
    expect(orgs.length).toBe(pairs.size);
    for (const o of orgs) {
      expect(pairs.has(`${o.sor_code}/${o.ean}`), o.name).toBe(true);
      expect(checkGln(o.ean ?? '').ok && checkSor(o.sor_code ?? '').ok, o.name).toBe(true);
    }
  });

  it('makes the four receivers of MedCom’s test messages member municipalities’ own units, found by SOR code and GLN', async () => {
    const members = new Set((await database.db.selectFrom('municipality').select('code').where('is_member', '=', true).execute()).map((m) => m.code));
    const receivers = [
      ['330461000016004', '5790001353308'],
      ['325251000016005', '5790000121526'],
      ['382871000016004', '5790001387419'],
      ['1017421000016003', '5790002408496'],
    ] as const;
    for (const [sor, gln] of receivers) {
      const bySor = await findOrganisationBySorIn(database.db, sor);
      const byGln = await findOrganisationByIdentifierIn(database.db, { system: 'https://www.gs1.org/gln', value: gln });
      expect(bySor?.kind, sor).toBe('municipal_unit');
      expect(members.has(bySor?.municipality?.code ?? ''), sor).toBe(true);
      expect(byGln?.id, gln).toBe(bySor?.id);
    }
    // Gladsaxe sends; Egedal's unit has no GLN, so it cannot.
    expect(await messagingUnitOfIn(database.db, '0159')).toMatchObject({ kind: 'municipal_unit', sorCode: '330461000016004', gln: '5790001353308' });
    expect(await messagingUnitOfIn(database.db, '0240')).toBeUndefined();
  });

  it('creates demo staff in every member municipality, with Gladsaxe fully staffed', async () => {
    const rows = await database.db
      .selectFrom('staff_user')
      .innerJoin('staff_role', 'staff_role.staff_user_id', 'staff_user.id')
      .select(['username', 'municipality_code', 'is_demo', 'password_hash', 'role'])
      .execute();
    expect(rows.every((r) => r.is_demo && r.password_hash === null)).toBe(true);
    expect(new Set(rows.map((r) => r.municipality_code)).size).toBe(9);
    const roleOf = (u: string): string[] => rows.filter((r) => r.username === u).map((r) => r.role);
    expect(roleOf(demoUsernames.gladsaxeContactPerson)).toEqual(['contact_person']);
    expect(roleOf(demoUsernames.gladsaxeTherapist)).toEqual(['therapist']);
    expect(roleOf(demoUsernames.gladsaxeLead)).toEqual(['municipal_lead']);
    expect(roleOf(demoUsernames.coordinator)).toEqual(['coordinator']);
    expect(roleOf(demoUsernames.administrator)).toEqual(['administrator']);
  });

  it('uses only official test persons, with birth date and sex from the CPR', async () => {
    const citizens = await database.db.selectFrom('citizen').selectAll().execute();
    expect(citizens.length).toBeGreaterThanOrEqual(15);
    for (const c of citizens) expect(officialCprs.has(c.cpr ?? '')).toBe(true);
    const members = new Set((await database.db.selectFrom('municipality').select('code').where('is_member', '=', true).execute()).map((m) => m.code));
    expect(citizens.every((c) => members.has(c.home_municipality_code))).toBe(true);
    expect(citizens.find((c) => c.cpr === '0201919990')).toMatchObject({ birth_date: '1991-01-02', sex: 'F' });
    expect(citizens.filter((c) => c.name_address_protected)).toHaveLength(1);
  });

  it('routes every hosted intervention for every member, marking inferred routes', async () => {
    const routes = await database.db.selectFrom('routing').selectAll().execute();
    const offerings = await database.db.selectFrom('offering').select('intervention_code').distinct().execute();
    expect(routes).toHaveLength(offerings.length * 9);
    expect(routes.some((r) => r.inferred)).toBe(true);
    expect(routes.filter((r) => r.inferred).every((r) => (r.note ?? '').length > 0)).toBe(true);
  });

  it('gives gladsaxe.kontakt a worklist and leaves some Gladsaxe referrals unassigned', async () => {
    const courses = await database.db
      .selectFrom('course')
      .innerJoin('referral', 'referral.id', 'course.referral_id')
      .leftJoin('course_assignment', (j) => j.onRef('course_assignment.course_id', '=', 'course.id').on('course_assignment.ended_at', 'is', null))
      .leftJoin('staff_user', 'staff_user.id', 'course_assignment.staff_user_id')
      .select(['referral.home_municipality_code as home', 'staff_user.username'])
      .execute();
    expect(courses.length).toBeGreaterThanOrEqual(15);
    expect(courses.length).toBeLessThanOrEqual(25);
    expect(courses.filter((c) => c.username === demoUsernames.gladsaxeContactPerson).length).toBeGreaterThanOrEqual(5);
    expect(courses.filter((c) => c.home === '0159' && c.username === null).length).toBeGreaterThanOrEqual(2);
    expect(new Set(courses.map((c) => c.home)).size).toBeGreaterThanOrEqual(6);
  });

  it('covers every step of the pathway', async () => {
    expect(await count('course_contact')).toBeGreaterThan(0);
    expect(await count('needs_assessment_problem')).toBeGreaterThan(0);
    expect(await count('plan_goal')).toBeGreaterThan(0);
    expect(await count('action_plan_responsibility')).toBeGreaterThan(0);
    expect(await count('deeper_assessment')).toBeGreaterThan(0);
    expect(await count('enrolment')).toBeGreaterThan(0);
    expect(await count('attendance')).toBeGreaterThan(0);
    expect(await count('closing_conversation')).toBeGreaterThan(0);
    expect(await count('closing_note')).toBeGreaterThan(0);
    const declines = await database.db.selectFrom('decline').selectAll().execute();
    expect(declines).toHaveLength(1);
    expect(declines[0]?.reason).toBe('too_far');
    const xrefs = await database.db.selectFrom('cross_referral').selectAll().where('kind', '=', 'cross_municipal').execute();
    expect(xrefs.length).toBeGreaterThan(0);
    expect(xrefs.every((x) => x.consent_on !== null && typeof x.shared_snapshot === 'object' && x.shared_snapshot !== null)).toBe(true);
    const notes = await database.db.selectFrom('status_note').select('kind').execute();
    expect(new Set(notes.map((n) => n.kind))).toEqual(new Set(['start', 'end', 'significant_change']));
  });

  it('dates nothing that has happened after today, and no session on a weekend', async () => {
    const late = await sql<{ n: number }>`
      select (select count(*) from course_contact where contacted_on > ${TODAY}::date)
           + (select count(*) from needs_assessment where assessed_on > ${TODAY}::date)
           + (select count(*) from action_plan where agreed_on > ${TODAY}::date)
           + (select count(*) from cross_referral where received_on > ${TODAY}::date or started_on > ${TODAY}::date or ended_on > ${TODAY}::date)
           + (select count(*) from closing_note where sent_on > ${TODAY}::date)
           + (select count(*) from follow_up where held_on > ${TODAY}::date)
           + (select count(*) from attendance a join team_session s on s.id = a.team_session_id where s.starts_at > ${TODAY}::date)
           as n`.execute(database.db);
    expect(Number(late.rows[0]?.n)).toBe(0);
    const weekend = await sql<{ n: number }>`
      select count(*)::int as n from team_session
      where extract(isodow from starts_at at time zone 'Europe/Copenhagen') > 5`.execute(database.db);
    expect(weekend.rows[0]?.n).toBe(0);
  });
});

describe('seedDemoData on another day', () => {
  it('works on a Sunday too', async () => {
    const other = await createTestDatabase();
    try {
      await seedReferenceData(other.db);
      await seedDemoData(other.db, '2025-12-28');
      const r = await sql<{ n: number }>`select count(*)::int as n from referral`.execute(other.db);
      expect(r.rows[0]?.n).toBeGreaterThanOrEqual(15);
    } finally {
      await other.close();
    }
  });
});
