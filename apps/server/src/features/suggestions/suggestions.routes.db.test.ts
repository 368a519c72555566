import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, aReferralWithCourse, aStaffUser, anOffering } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const ids: Record<string, string> = {};
const c: Record<string, SignedInClient> = {};

async function intervention(code: string, target: { sex?: 'F' | 'M'; maxAge?: number; diagnoses?: string[] }) {
  await database.db
    .insertInto('intervention')
    .values({ code, name_da: `Indsats ${code}`, name_en: code, category: 'physical_training', form: 'team', team_mode: 'rolling', target_sex: target.sex ?? null, target_max_age: target.maxAge ?? null, target_diagnoses: target.diagnoses ?? null })
    .execute();
  await database.db.insertInto('intervention_dose_part').values({ intervention_code: code, part: 'training', sessions: 29, per_week: 2, minutes: 60 }).execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await aMunicipality(db, '0175', 'Rødovre');
  await db.insertInto('diagnosis').values({ code: 'DC50', title_da: 'Brystkræft', title_en: 'Breast', uncertain: false }).execute();
  await intervention('breast_training', { sex: 'F', diagnoses: ['DC50'] });
  await intervention('men_training', { sex: 'M' });
  await intervention('young_training', { maxAge: 39 });
  await intervention('mixed_training', {});
  ids.gentofte = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157', capacity: 12 });
  ids.roedovre = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0175', capacity: 12 });
  ids.home = await anOffering(db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0159', capacity: 15 });
  await db
    .insertInto('routing')
    .values([
      { intervention_code: 'breast_training', home_municipality_code: '0159', offering_id: ids.gentofte, valid_from: '2017-10-01' },
      // Routed no more: must not be suggested.
      { intervention_code: 'breast_training', home_municipality_code: '0159', offering_id: ids.roedovre, valid_from: '2017-10-01', valid_to: '2025-12-31' },
      { intervention_code: 'mixed_training', home_municipality_code: '0159', offering_id: ids.home, valid_from: '2017-10-01', inferred: true, note: 'nearest host' },
    ])
    .execute();
  ids.karen = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  ids.gentofteUser = await aStaffUser(db, { municipalityCode: '0157', roles: ['contact_person'] });
  ids.citizen = await aCitizen(db, { homeMunicipalityCode: '0159', sex: 'F', birthDate: '1966-03-01' });
  const course = await aReferralWithCourse(db, { citizenId: ids.citizen, homeMunicipalityCode: '0159' });
  ids.course = course.courseId;
  await db.updateTable('referral').set({ diagnosis_code: 'DC50', treatment_status: 'treatment_ended' }).where('id', '=', course.referralId).execute();
  // Gentofte's breast team: 3 enrolled, 2 waiting, next session on 24 November.
  const team = await db
    .insertInto('team')
    .values({ offering_id: ids.gentofte, name: 'Hold A', mode: 'rolling', capacity: 12, session_quota: 29, starts_on: '2026-09-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('team_session').values([
    { team_id: team.id, starts_at: new Date('2026-11-20T09:00:00Z'), duration_minutes: 60 },
    { team_id: team.id, starts_at: new Date('2026-11-24T09:00:00Z'), duration_minutes: 60 },
  ]).execute();
  for (let i = 0; i < 5; i++) {
    const other = await aCitizen(db, { homeMunicipalityCode: '0159' });
    const k = await aReferralWithCourse(db, { citizenId: other, homeMunicipalityCode: '0159' });
    const x = await aCrossReferral(db, { courseId: k.courseId, offeringId: ids.gentofte, interventionCode: 'breast_training', providerMunicipalityCode: '0157' });
    await db
      .insertInto('enrolment')
      .values(i < 3 ? { team_id: team.id, cross_referral_id: x, status: 'enrolled', start_on: '2026-10-01', quota: 29 } : { team_id: team.id, cross_referral_id: x, status: 'waiting', waiting_since: new Date('2026-11-01T09:00:00Z'), quota: 29 })
      .execute();
  }
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  c.karen = await signIn(app, ids.karen);
  c.gentofte = await signIn(app, ids.gentofteUser);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/courses/:courseId/suggestions', () => {
  it('suggests breast training with its routed provider, distance, free seats, next start and wait', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${ids.course}/suggestions`, headers: c.karen!.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.basis).toMatchObject({ sex: 'F', age: 60, diagnosisCode: 'DC50', areas: [] });
    expect(body.suggestions.map((s: { interventionCode: string }) => s.interventionCode)).toEqual(['breast_training', 'mixed_training']);
    const breast = body.suggestions[0];
    expect(breast.providers).toEqual([
      expect.objectContaining({
        offeringId: ids.gentofte,
        host: { code: '0157', name: 'Gentofte' },
        distanceKm: 4.13,
        inferred: false,
        capacity: 12,
        enrolled: 3,
        freeSeats: 9,
        waiting: 2,
        nextTeamStartOn: '2026-11-24',
        // 2 waiting ÷ (12 seats ÷ 14.5 weeks) = 2.4 → 3 weeks.
        expectedWaitWeeks: 3,
      }),
    ]);
    expect(body.suggestions[1].providers[0]).toMatchObject({ inferred: true, routingNote: 'nearest host', distanceKm: 0, freeSeats: 15, nextTeamStartOn: null });
    const events = await listAuditEvents(database.db, { citizenId: ids.citizen!, actorUserId: ids.karen! });
    expect(events.some((e) => e.action === 'course.suggestions' && e.outcome === 'allowed')).toBe(true);
  });

  it('narrows to the problem areas of the latest needs assessment', async () => {
    await database.db.insertInto('assessment_item').values({ code: 'psychological.worry', area: 'psychological', label_da: 'Bekymring', label_en: 'Worry', sort_order: 1 }).execute();
    const a = await database.db.insertInto('needs_assessment').values({ course_id: ids.course!, occasion: 'initial', assessed_on: '2026-11-20' }).returning('id').executeTakeFirstOrThrow();
    await database.db.insertInto('needs_assessment_problem').values({ needs_assessment_id: a.id, item_code: 'psychological.worry' }).execute();
    const body = (await app.inject({ method: 'GET', url: `/api/courses/${ids.course}/suggestions`, headers: c.karen!.headers })).json();
    expect(body.basis).toMatchObject({ assessedOn: '2026-11-20', areas: ['psychological'] });
    expect(body.suggestions).toEqual([]);
    await database.db.deleteFrom('needs_assessment').where('id', '=', a.id).execute();
  });

  it('refuses another municipality, audited', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${ids.course}/suggestions`, headers: c.gentofte!.headers });
    expect(res.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { citizenId: ids.citizen!, actorUserId: ids.gentofteUser! });
    expect(events.some((e) => e.action === 'course.suggestions' && e.outcome === 'denied')).toBe(true);
  });
});
