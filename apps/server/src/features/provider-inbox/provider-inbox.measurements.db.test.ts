import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingReferral } from '@samkraft/contracts/cross-referrals';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

let database: Database;
let app: App;
let provider: SignedInClient;
let otherProvider: SignedInClient;
let citizenId: string;
let xrefId: string;
let otherXrefId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await aMunicipality(db, '0151', 'Ballerup');
  await anIntervention(db, 'breast_training');
  const offeringId = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157' });
  const ballerupOffering = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0151' });
  const contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  const providerId = await aStaffUser(db, { municipalityCode: '0157', roles: ['therapist'], profession: 'physiotherapist', displayName: 'Tina Terapeut' });
  const ballerupTherapist = await aStaffUser(db, { municipalityCode: '0151', roles: ['therapist'] });
  citizenId = await aCitizen(db, { homeMunicipalityCode: '0159' });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId, receivedOn: '2026-11-10' });
  xrefId = await aCrossReferral(db, { courseId, offeringId, interventionCode: 'breast_training', providerMunicipalityCode: '0157' });
  otherXrefId = await aCrossReferral(db, { courseId, offeringId: ballerupOffering, interventionCode: 'breast_training', providerMunicipalityCode: '0151' });
  await db.updateTable('cross_referral').set({ provider_decision: 'accepted', provider_contact_on: '2026-11-12' }).where('id', 'in', [xrefId, otherXrefId]).execute();
  app = await createTestApp(database); // today is 2026-11-22
  provider = await signIn(app, providerId);
  otherProvider = await signIn(app, ballerupTherapist);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const assessment = (tests: { testCode: string; value: number }[]) => ({ assessedOn: '2026-11-20', profession: 'physiotherapist', findings: 'Nedsat kondition', tests, goals: [] });
type ErrorBody = { error: { fields: { field: string; code: string; params?: Record<string, number> }[] } };

async function record(client: SignedInClient, id: string, tests: { testCode: string; value: number }[]) {
  return app.inject({ method: 'POST', url: `/api/provider-inbox/${id}/deeper-assessments`, headers: client.headers, payload: assessment(tests) });
}
async function incoming(): Promise<IncomingReferral> {
  return (await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: provider.headers })).json<IncomingReferral>();
}

describe('the measurements of a deeper assessment', () => {
  it('refuses a value outside its measure’s plausible range, naming the field and the range', async () => {
    for (const [tests, field, code, params] of [
      [[{ testCode: 'weight', value: 785 }], 'tests[0].value', 'out_of_range', { minimum: 20, maximum: 300 }],
      [[{ testCode: 'grip_strength', value: 30 }, { testCode: 'six_minute_walk', value: 99999 }], 'tests[1].value', 'out_of_range', { minimum: 0, maximum: 1000 }],
      [[{ testCode: 'six_minute_walk', value: -5 }], 'tests[0].value', 'out_of_range', { minimum: 0, maximum: 1000 }],
      [[{ testCode: 'chair_stand_30s', value: 61 }], 'tests[0].value', 'out_of_range', { minimum: 0, maximum: 60 }],
      [[{ testCode: 'grip_strength', value: 100.5 }], 'tests[0].value', 'out_of_range', { minimum: 0, maximum: 100 }],
      [[{ testCode: 'chair_stand_30s', value: 11.5 }], 'tests[0].value', 'whole_number', undefined],
      [[{ testCode: 'weight', value: 78.55 }], 'tests[0].value', 'too_many_decimals', { decimals: 1 }],
    ] as const) {
      const res = await record(provider, xrefId, [...tests]);
      expect(res.statusCode, `${JSON.stringify(tests)}: ${res.body}`).toBe(400);
      expect(res.json<ErrorBody>().error.fields).toEqual([{ field, code, message: expect.any(String), ...(params ? { params } : {}) }]);
    }
    expect((await incoming()).deeperAssessments).toEqual([]);
  });

  it('keeps a plausible value as typed, at the edges of the range too', async () => {
    const res = await record(provider, xrefId, [
      { testCode: 'weight', value: 78.5 },
      { testCode: 'six_minute_walk', value: 1000 },
      { testCode: 'chair_stand_30s', value: 0 },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [a] = (await incoming()).deeperAssessments;
    expect(a?.tests.map((t) => [t.testCode, t.value, t.unit])).toEqual([
      ['chair_stand_30s', 0, 'rejsninger'],
      ['six_minute_walk', 1000, 'm'],
      ['weight', 78.5, 'kg'],
    ]);
    expect(a?.tests.find((t) => t.testCode === 'weight')?.versions).toEqual([{ version: 1, value: 78.5, recordedAt: expect.any(String), recordedBy: 'Tina Terapeut', reason: null }]);
  });
});

describe('correcting a recorded measurement', () => {
  const correct = (client: SignedInClient, id: string, assessmentId: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/provider-inbox/${id}/deeper-assessments/${assessmentId}/corrections`, headers: client.headers, payload });

  it('makes a new version with who, when and why; the old value is kept and the correction audited', async () => {
    const a = (await incoming()).deeperAssessments[0]!;
    const res = await correct(provider, xrefId, a.id, { testCode: 'weight', value: 80.2, reason: 'Aflæst forkert' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ version: 2 });
    const again = await correct(provider, xrefId, a.id, { testCode: 'weight', value: 80.4, reason: 'Vejet igen samme dag' });
    expect(again.json()).toEqual({ version: 3 });

    const weight = (await incoming()).deeperAssessments[0]?.tests.find((t) => t.testCode === 'weight');
    expect(weight?.value).toBe(80.4);
    expect(weight?.versions.map((v) => [v.version, v.value, v.recordedBy, v.reason])).toEqual([
      [1, 78.5, 'Tina Terapeut', null],
      [2, 80.2, 'Tina Terapeut', 'Aflæst forkert'],
      [3, 80.4, 'Tina Terapeut', 'Vejet igen samme dag'],
    ]);
    expect(weight?.versions[1]?.recordedAt).toBe('2026-11-22T10:00:00.000Z');
    const events = await listAuditEvents(database.db, { citizenId });
    expect(events.filter((e) => e.action === 'provider_inbox.measurement_correction').map((e) => [e.outcome, e.entityId, e.detail])).toEqual([
      ['allowed', a.id, { testCode: 'weight', version: 3 }],
      ['allowed', a.id, { testCode: 'weight', version: 2 }],
    ]);
  });

  it('refuses an implausible value or no reason, naming the field', async () => {
    const a = (await incoming()).deeperAssessments[0]!;
    const far = await correct(provider, xrefId, a.id, { testCode: 'six_minute_walk', value: 99999, reason: 'x' });
    expect(far.statusCode).toBe(400);
    expect(far.json<ErrorBody>().error.fields).toEqual([{ field: 'value', code: 'out_of_range', message: expect.any(String), params: { minimum: 0, maximum: 1000 } }]);
    const noReason = await correct(provider, xrefId, a.id, { testCode: 'weight', value: 79, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual(['reason']);
    const notRecorded = await correct(provider, xrefId, a.id, { testCode: 'grip_strength', value: 20, reason: 'x' });
    expect(notRecorded.statusCode).toBe(400);
    expect(notRecorded.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([['testCode', 'invalid_value']]);
  });

  it('corrects only an assessment of the referral, and only for the municipality it was sent to (refusal audited)', async () => {
    const a = (await incoming()).deeperAssessments[0]!;
    expect((await record(otherProvider, otherXrefId, [{ testCode: 'weight', value: 70 }])).statusCode).toBe(201);
    const wrongReferral = await correct(otherProvider, otherXrefId, a.id, { testCode: 'weight', value: 79, reason: 'x' });
    expect(wrongReferral.statusCode).toBe(404);
    const notTheirs = await correct(otherProvider, xrefId, a.id, { testCode: 'weight', value: 79, reason: 'x' });
    expect(notTheirs.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { citizenId });
    expect(events.find((e) => e.action === 'provider_inbox.measurement_correction' && e.outcome === 'denied')).toBeDefined();
    expect((await incoming()).deeperAssessments[0]?.tests.find((t) => t.testCode === 'weight')?.value).toBe(80.4);
  });
});
