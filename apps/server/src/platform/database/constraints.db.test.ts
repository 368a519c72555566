import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser, aTeamWithSession } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import type { Database } from './database.ts';

/** These go around the services, straight to SQL: the database itself must refuse bad data. */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await aMunicipality(database.db, '0159', 'Gladsaxe');
  await aMunicipality(database.db, '0173', 'Lyngby-Taarbæk');
});
afterAll(async () => database.close());

async function rejects(statement: ReturnType<typeof sql>, pattern: RegExp): Promise<void> {
  await expect(statement.execute(database.db)).rejects.toThrow(pattern);
}

describe('database constraints', () => {
  it('rejects an attendance for a non-existent enrolment', async () => {
    await anIntervention(database.db, 'mixed_training');
    const offeringId = await anOffering(database.db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0159' });
    const { teamId, sessionId } = await aTeamWithSession(database.db, { offeringId });
    await rejects(
      sql`insert into attendance (team_session_id, enrolment_id, team_id, status) values (${sessionId}, gen_random_uuid(), ${teamId}, 'attended')`,
      /foreign key/,
    );
  });

  it('rejects an attendance that joins a session and an enrolment of different teams', async () => {
    const db = database.db;
    const offeringId = await anOffering(db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0159' });
    const a = await aTeamWithSession(db, { offeringId });
    const b = await aTeamWithSession(db, { offeringId });
    const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
    const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159' });
    const xId = await aCrossReferral(db, { courseId, offeringId, interventionCode: 'mixed_training', providerMunicipalityCode: '0159' });
    const e = await db
      .insertInto('enrolment')
      .values({ team_id: b.teamId, cross_referral_id: xId, status: 'enrolled', start_on: '2026-11-03', quota: 29 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await rejects(sql`insert into attendance (team_session_id, enrolment_id, team_id, status) values (${a.sessionId}, ${e.id}, ${a.teamId}, 'attended')`, /foreign key/);
    await rejects(sql`insert into attendance (team_session_id, enrolment_id, team_id, status) values (${b.sessionId}, ${e.id}, ${b.teamId}, 'cancelled')`, /check constraint/);
    await sql`insert into attendance (team_session_id, enrolment_id, team_id, status) values (${b.sessionId}, ${e.id}, ${b.teamId}, 'attended')`.execute(db);
  });

  it('rejects a duplicate municipality code', async () => {
    await rejects(sql`insert into municipality (code, name) values ('0159', 'Gladsaxe igen')`, /duplicate key|unique/);
  });

  it('rejects a municipality code that is not four digits', async () => {
    await rejects(sql`insert into municipality (code, name) values ('159', 'Tre cifre')`, /check constraint/);
  });

  it('rejects a negative or zero dose', async () => {
    await anIntervention(database.db, 'men_training');
    await rejects(sql`insert into intervention_dose_part (intervention_code, part, sessions, minutes) values ('men_training', 'team', -29, 60)`, /check constraint/);
    await rejects(sql`insert into intervention_dose_part (intervention_code, part, sessions, minutes) values ('men_training', 'team', 29, 0)`, /check constraint/);
  });

  it('rejects a citizen with both a CPR and a pseudonym, or a pseudonym that is not synthetic', async () => {
    await rejects(
      sql`insert into citizen (cpr, pseudonym, is_synthetic, given_name, family_name, sex, birth_date, home_municipality_code) values ('0201609995', 'P-x', true, 'A', 'B', 'M', '1960-01-02', '0159')`,
      /check constraint/,
    );
    await rejects(
      sql`insert into citizen (pseudonym, is_synthetic, given_name, family_name, sex, birth_date, home_municipality_code) values ('P-y', false, 'A', 'B', 'M', '1960-01-02', '0159')`,
      /check constraint/,
    );
  });

  it('rejects a routing whose offering delivers another intervention', async () => {
    await anIntervention(database.db, 'livskraft');
    const offeringId = await anOffering(database.db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0173' });
    await rejects(
      sql`insert into routing (intervention_code, home_municipality_code, offering_id, valid_from) values ('livskraft', '0159', ${offeringId}, '2017-10-01')`,
      /foreign key/,
    );
  });

  it('rejects a second current contact person on one course', async () => {
    const db = database.db;
    const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
    const a = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
    const b = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
    const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: a });
    await rejects(sql`insert into course_assignment (course_id, staff_user_id) values (${courseId}, ${b})`, /duplicate key|unique/);
  });

  it('keeps the audit log append-only', async () => {
    const db = database.db;
    await sql`insert into audit_event (actor_label, action, outcome) values ('test', 'test.write', 'allowed')`.execute(db);
    await rejects(sql`update audit_event set outcome = 'denied'`, /append-only/);
    await rejects(sql`delete from audit_event`, /append-only/);
  });
});
