import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCrossReferrals, IncomingReferral, SharedSnapshot } from '@samkraft/contracts/cross-referrals';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

// The home municipality's side: only eligible, routed offerings are sent; updates, declines and
// home offers are recorded as such. Today is 2026-11-22 (createTestApp's clock).
let database: Database;
let app: App;
let home: SignedInClient;
let provider: SignedInClient;
let courseId: string;
let breastOffering: string;
let prostateOffering: string;
let youngOffering: string;
let unroutedOffering: string;
let otherHomeOffering: string;

async function route(interventionCode: string, homeCode: string, offeringId: string): Promise<void> {
  await database.db.insertInto('routing').values({ intervention_code: interventionCode, home_municipality_code: homeCode, offering_id: offeringId, valid_from: '2017-10-01' }).execute();
}

async function crossReferralCount(): Promise<number> {
  const rows = await database.db.selectFrom('cross_referral').select('id').where('course_id', '=', courseId).execute();
  return rows.length;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await aMunicipality(db, '0240', 'Egedal');
  await aMunicipality(db, '0151', 'Ballerup');
  await anIntervention(db, 'breast_training');
  await anIntervention(db, 'prostate_training');
  await anIntervention(db, 'young_training');
  await anIntervention(db, 'mixed_training');
  await db.updateTable('intervention').set({ target_sex: 'F' }).where('code', '=', 'breast_training').execute();
  await db.updateTable('intervention').set({ target_sex: 'M' }).where('code', '=', 'prostate_training').execute();
  await db.updateTable('intervention').set({ target_max_age: 39 }).where('code', '=', 'young_training').execute();
  await db.updateTable('intervention').set({ mixed_diagnoses: true }).where('code', '=', 'mixed_training').execute();
  breastOffering = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157' });
  prostateOffering = await anOffering(db, { interventionCode: 'prostate_training', hostMunicipalityCode: '0240' });
  youngOffering = await anOffering(db, { interventionCode: 'young_training', hostMunicipalityCode: '0151' });
  unroutedOffering = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0151' });
  otherHomeOffering = await anOffering(db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0240' });
  await route('breast_training', '0159', breastOffering);
  await route('prostate_training', '0159', prostateOffering);
  await route('young_training', '0159', youngOffering);
  // Routed for Egedal's citizens, not Gladsaxe's.
  await route('breast_training', '0240', unroutedOffering);
  const contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  const providerId = await aStaffUser(db, { municipalityCode: '0157', roles: ['therapist'], profession: 'physiotherapist' });
  // A woman of 66: not in the target group of men's prostate training nor of training for the young.
  const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', sex: 'F', birthDate: '1960-05-17' });
  courseId = (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId, receivedOn: '2026-11-10' })).courseId;
  await db
    .insertInto('action_plan')
    .values({ course_id: courseId, version: 1, agreed_on: '2026-11-16', difficulties_and_needs: 'Træthed', purpose_and_content: 'Genvinde styrke', location: 'Gentofte', first_follow_up_on: '2026-12-14' })
    .execute();
  app = await createTestApp(database);
  home = await signIn(app, contactId);
  provider = await signIn(app, providerId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const share = { planFields: ['difficultiesAndNeeds'], assessmentItems: [] };

describe('the home side of a cross-municipal referral', () => {
  it('refuses a referral to an intervention the citizen is not eligible for, naming the field, and writes nothing', async () => {
    for (const offeringId of [prostateOffering, youngOffering]) {
      const preview = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals/preview`, headers: home.headers, payload: { offeringId, share } });
      expect(preview.statusCode).toBe(400);
      expect(preview.json()).toMatchObject({ error: { fields: [{ field: 'offeringId', code: 'not_eligible' }] } });
      const send = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers, payload: { offeringId, consentOn: '2026-11-20', share } });
      expect(send.statusCode).toBe(400);
      expect(send.json()).toMatchObject({ error: { fields: [{ field: 'offeringId', code: 'not_eligible' }] } });
    }
    expect(await crossReferralCount()).toBe(0);
  });

  it('refuses an offering not routed for the home municipality', async () => {
    const send = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers, payload: { offeringId: unroutedOffering, consentOn: '2026-11-20', share } });
    expect(send.statusCode).toBe(400);
    expect(send.json()).toMatchObject({ error: { fields: [{ field: 'offeringId', code: 'not_routed' }] } });
    expect(await crossReferralCount()).toBe(0);
  });

  it('records a §140 free choice outside the collaboration even where the routing and the suggestions would not send her', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/home-offers`,
      headers: home.headers,
      payload: { kind: 'free_choice_outside', interventionCode: 'young_training', providerMunicipalityCode: '0151', decidedOn: '2026-11-21' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await database.db.selectFrom('cross_referral').selectAll().where('id', '=', res.json<{ id: string }>().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'free_choice_outside', provider_municipality_code: '0151', shared_snapshot: null, sent_at: null, received_on: '2026-11-21' });
  });

  let xrefId: string;
  let original: SharedSnapshot;

  it('sends to an eligible routed offering; an update is a new snapshot the provider sees, and the first is unchanged', async () => {
    const sent = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers, payload: { offeringId: breastOffering, consentOn: '2026-11-20', share } });
    expect(sent.statusCode, sent.body).toBe(201);
    xrefId = sent.json<{ id: string }>().id;
    original = (await database.db.selectFrom('cross_referral').select('shared_snapshot').where('id', '=', xrefId).executeTakeFirstOrThrow()).shared_snapshot as SharedSnapshot;
    expect(original.plan).toEqual({ version: 1, agreedOn: '2026-11-16', difficultiesAndNeeds: 'Træthed' });

    // The plan changes; the provider sees the change only once it is sent.
    await database.db.updateTable('action_plan').set({ purpose_and_content: 'Genvinde styrke og kondition' }).where('course_id', '=', courseId).execute();
    const updateShare = { share: { planFields: ['purposeAndContent', 'location'], assessmentItems: [] } };
    const preview = await app.inject({ method: 'POST', url: `/api/cross-referrals/${xrefId}/updates/preview`, headers: home.headers, payload: updateShare });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<SharedSnapshot>().plan).toEqual({ version: 1, agreedOn: '2026-11-16', purposeAndContent: 'Genvinde styrke og kondition', location: 'Gentofte' });
    const providerPreview = await app.inject({ method: 'POST', url: `/api/cross-referrals/${xrefId}/updates/preview`, headers: provider.headers, payload: updateShare });
    expect(providerPreview.statusCode).toBe(403);
    const update = await app.inject({ method: 'POST', url: `/api/cross-referrals/${xrefId}/updates`, headers: home.headers, payload: updateShare });
    expect(update.statusCode, update.body).toBe(204);

    const incoming = (await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: provider.headers })).json<IncomingReferral>();
    expect(incoming.snapshot.plan).toEqual({ version: 1, agreedOn: '2026-11-16', difficultiesAndNeeds: 'Træthed' });
    expect(incoming.updates.map((u) => u.snapshot.plan)).toEqual([{ version: 1, agreedOn: '2026-11-16', purposeAndContent: 'Genvinde styrke og kondition', location: 'Gentofte' }]);
    const stored = await database.db.selectFrom('cross_referral').select('shared_snapshot').where('id', '=', xrefId).executeTakeFirstOrThrow();
    expect(stored.shared_snapshot).toEqual(original);

    const list = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>();
    const x = list.crossReferrals.find((c) => c.id === xrefId);
    expect(x?.snapshot?.plan).toEqual({ version: 1, agreedOn: '2026-11-16', difficultiesAndNeeds: 'Træthed' });
    expect(x?.updates).toBe(1);
    expect(x?.updateHistory.map((u) => u.snapshot.plan?.purposeAndContent)).toEqual(['Genvinde styrke og kondition']);
  });

  it('records the citizen declining on the home side, with reason and note; bad input names the field', async () => {
    const badReason = await app.inject({ method: 'POST', url: `/api/cross-referrals/${xrefId}/citizen-declines`, headers: home.headers, payload: { declinedOn: '2026-11-22', reason: 'busy' } });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json()).toMatchObject({ error: { fields: [{ field: 'reason' }] } });
    const future = await app.inject({ method: 'POST', url: `/api/cross-referrals/${xrefId}/citizen-declines`, headers: home.headers, payload: { declinedOn: '2026-11-23', reason: 'too_far' } });
    expect(future.json()).toMatchObject({ error: { fields: [{ field: 'declinedOn', code: 'future_date' }] } });
    const ok = await app.inject({
      method: 'POST',
      url: `/api/cross-referrals/${xrefId}/citizen-declines`,
      headers: home.headers,
      payload: { declinedOn: '2026-11-22', reason: 'already_in_home_course', note: 'Går på hold i Gladsaxe' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const list = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>();
    expect(list.crossReferrals.find((c) => c.id === xrefId)?.citizenDeclines).toEqual([{ declinedOn: '2026-11-22', reason: 'already_in_home_course', note: 'Går på hold i Gladsaxe' }]);
  });

  it('lists the home offerings with the must-use rule, and records a home offer with a reason where the rule asks for one', async () => {
    const breastAtHome = await anOffering(database.db, { interventionCode: 'breast_training', hostMunicipalityCode: '0159' });
    const mixedAtHome = await anOffering(database.db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0159' });
    await route('mixed_training', '0159', otherHomeOffering);
    const list = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>();
    const required = Object.fromEntries(list.homeOfferings.map((o) => [o.offeringId, o.parallelHomeReasonRequired]));
    // Breast training is routed from Gentofte: a reason is needed. Mixed-diagnosis training may always be at home.
    expect(required).toEqual({ [breastAtHome]: true, [mixedAtHome]: false });

    const blocked = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/home-offers`, headers: home.headers, payload: { kind: 'home', offeringId: breastAtHome, decidedOn: '2026-11-22' } });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json()).toMatchObject({ error: { fields: [{ field: 'parallelHomeReason', code: 'parallel_home_reason_required' }] } });
    const withReason = await app.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/home-offers`,
      headers: home.headers,
      payload: { kind: 'home', offeringId: breastAtHome, decidedOn: '2026-11-22', parallelHomeReason: 'Kan ikke tåle transport' },
    });
    expect(withReason.statusCode, withReason.body).toBe(201);
    const mixed = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/home-offers`, headers: home.headers, payload: { kind: 'home', offeringId: mixedAtHome, decidedOn: '2026-11-22' } });
    expect(mixed.statusCode, mixed.body).toBe(201);
    const after = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>();
    expect(after.crossReferrals.filter((c) => c.kind === 'home').map((c) => c.parallelHomeReason)).toEqual(['Kan ikke tåle transport', null]);
  });
});
