import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCrossReferrals, IncomingReferral, ProviderInbox, SharedSnapshot } from '@samkraft/contracts/cross-referrals';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

let database: Database;
let app: App;
let home: SignedInClient;
let provider: SignedInClient;
let otherProvider: SignedInClient;
let providerId: string;
let citizenId: string;
let courseId: string;
let offeringId: string;
let otherCourseId: string;
let otherXrefId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await aMunicipality(db, '0151', 'Ballerup');
  await anIntervention(db, 'breast_training');
  offeringId = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157' });
  await db.insertInto('routing').values({ intervention_code: 'breast_training', home_municipality_code: '0159', offering_id: offeringId, valid_from: '2017-10-01' }).execute();
  const contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  providerId = await aStaffUser(db, { municipalityCode: '0157', roles: ['therapist'], profession: 'physiotherapist' });
  const ballerupTherapist = await aStaffUser(db, { municipalityCode: '0151', roles: ['therapist'] });
  citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Bente', familyName: 'Testborger' });
  await db.updateTable('citizen').set({ phone: '44556677' }).where('id', '=', citizenId).execute();
  courseId = (await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId, receivedOn: '2026-11-10' })).courseId;
  const plan = await db
    .insertInto('action_plan')
    .values({
      course_id: courseId,
      version: 1,
      agreed_on: '2026-11-16',
      difficulties_and_needs: 'Træthed og nedsat armfunktion',
      purpose_and_content: 'Genvinde styrke',
      location: 'Gentofte',
      other_administrations: 'Jobcenter: sygedagpenge',
      first_follow_up_on: '2026-12-14',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('plan_goal').values({ action_plan_id: plan.id, ordinal: 1, description: 'Gå 2 km uden pause' }).execute();
  await db.insertInto('assessment_item').values([
    { code: 'physical.fatigue', area: 'physical', label_da: 'Træthed', label_en: 'Fatigue', sort_order: 1 },
    { code: 'social.economy', area: 'social', label_da: 'Økonomi', label_en: 'Economy', sort_order: 2 },
  ]).execute();
  const a = await db.insertInto('needs_assessment').values({ course_id: courseId, occasion: 'initial', assessed_on: '2026-11-12' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('needs_assessment_problem').values([{ needs_assessment_id: a.id, item_code: 'physical.fatigue' }, { needs_assessment_id: a.id, item_code: 'social.economy', note: 'Gæld' }]).execute();
  // Another citizen of Gladsaxe, sent to Ballerup: Gentofte must not see it.
  const other = await aCitizen(db, { homeMunicipalityCode: '0159' });
  otherCourseId = (await aReferralWithCourse(db, { citizenId: other, homeMunicipalityCode: '0159', contactPersonId: contactId })).courseId;
  await anIntervention(db, 'men_training');
  const ballerupOffering = await anOffering(db, { interventionCode: 'men_training', hostMunicipalityCode: '0151' });
  otherXrefId = (
    await db
      .insertInto('cross_referral')
      .values({ course_id: otherCourseId, kind: 'cross_municipal', intervention_code: 'men_training', offering_id: ballerupOffering, provider_municipality_code: '0151', consent_on: '2026-11-10', shared_snapshot: JSON.stringify({ plan: 'x' }), sent_at: new Date('2026-11-10T09:00:00Z'), received_on: '2026-11-10' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  app = await createTestApp(database); // today is 2026-11-22
  home = await signIn(app, contactId);
  provider = await signIn(app, providerId);
  otherProvider = await signIn(app, ballerupTherapist);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const share = { planFields: ['difficultiesAndNeeds', 'goals'], assessmentItems: ['physical.fatigue'] };
let xrefId: string;

describe('cross-municipal referral', () => {
  it('lists the offerings routed to the home municipality and what can be shared', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<CourseCrossReferrals>();
    expect(body.routedOfferings.map((o) => o.offeringId)).toEqual([offeringId]);
    expect(body.shareOptions.plan?.version).toBe(1);
    expect(body.shareOptions.assessment?.problems.map((p) => p.itemCode)).toEqual(['physical.fatigue', 'social.economy']);
  });

  it('previews exactly the chosen fields, refuses an unrouted offering and an empty share', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals/preview`, headers: home.headers, payload: { offeringId, share } });
    expect(res.statusCode, res.body).toBe(200);
    const snap = res.json<SharedSnapshot>();
    expect(snap.plan).toEqual({ version: 1, agreedOn: '2026-11-16', difficultiesAndNeeds: 'Træthed og nedsat armfunktion', goals: [{ description: 'Gå 2 km uden pause', targetOn: null }] });
    expect(snap.assessment?.problems.map((p) => p.itemCode)).toEqual(['physical.fatigue']);
    const empty = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals/preview`, headers: home.headers, payload: { offeringId, share: { planFields: [], assessmentItems: [] } } });
    expect(empty.json()).toMatchObject({ error: { fields: [{ field: 'share.planFields', code: 'nothing_shared' }] } });
    const unknownItem = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals/preview`, headers: home.headers, payload: { offeringId, share: { planFields: [], assessmentItems: ['nope'] } } });
    expect(unknownItem.json()).toMatchObject({ error: { fields: [{ field: 'share.assessmentItems', code: 'unknown_assessment_item' }] } });
  });

  it('sends with consent: the snapshot is the preview, received on the Danish date sent', async () => {
    const noConsent = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers, payload: { offeringId, share } });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json()).toMatchObject({ error: { fields: [{ field: 'consentOn' }] } });
    const res = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers, payload: { offeringId, consentOn: '2026-11-20', share } });
    expect(res.statusCode, res.body).toBe(201);
    xrefId = res.json<{ id: string }>().id;
    const row = await database.db.selectFrom('cross_referral').selectAll().where('id', '=', xrefId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'cross_municipal', provider_municipality_code: '0157', received_on: '2026-11-22', consent_on: '2026-11-20' });
    expect((row.shared_snapshot as SharedSnapshot).plan?.purposeAndContent).toBeUndefined();
    expect((row.shared_snapshot as SharedSnapshot).plan?.difficultiesAndNeeds).toBe('Træthed og nedsat armfunktion');
  });

  it("shows the referral in the provider's inbox with its provider deadlines", async () => {
    const res = await app.inject({ method: 'GET', url: '/api/provider-inbox', headers: provider.headers });
    expect(res.statusCode, res.body).toBe(200);
    const inbox = res.json<ProviderInbox>();
    expect(inbox.items.map((i) => i.id)).toEqual([xrefId]);
    expect(inbox.items[0]?.state).toBe('new');
    expect(inbox.items[0]?.deadlines.map((d) => d.kind).sort()).toEqual(['deeper_assessment', 'provider_contact', 'provider_start']);
    expect(inbox.items[0]?.deadlines.every((d) => d.crossReferralId === xrefId && d.municipalityCode === '0157')).toBe(true);
  });

  it('shows the provider only the snapshot and what is needed to make contact', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: provider.headers });
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json<IncomingReferral>();
    // The citizen's id (Samkraft's own, no personal data) lets the provider's FHIR resources refer to the Patient.
    expect(x.citizen).toEqual({ id: citizenId, name: 'Bente Testborger', identifier: expect.stringMatching(/^P-/), phone: '44556677' });
    const text = res.body;
    for (const secret of ['Genvinde styrke', 'Jobcenter', 'Gæld', 'Økonomi', 'Testvej', courseId]) expect(text).not.toContain(secret);
  });

  it('refuses the provider the home course, the citizen’s courses, and referrals to other municipalities — audited', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/courses/${courseId}`, headers: provider.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: provider.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/courses/${otherCourseId}`, headers: provider.headers })).statusCode).toBe(403);
    const citizen = await app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: provider.headers });
    expect(citizen.statusCode, citizen.body).toBe(200);
    expect(citizen.json()).toMatchObject({ courses: [], address: null });
    expect((await app.inject({ method: 'GET', url: `/api/provider-inbox/${otherXrefId}`, headers: provider.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/provider-inbox/00000000-0000-4000-8000-000000000000', headers: provider.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: otherProvider.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: home.headers })).statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: providerId, limit: 100 });
    expect(events).toContainEqual(expect.objectContaining({ action: 'provider_inbox.read', entityId: otherXrefId, outcome: 'denied' }));
    expect(events).toContainEqual(expect.objectContaining({ action: 'provider_inbox.read', entityId: xrefId, outcome: 'allowed' }));
    expect(events.some((e) => e.outcome === 'denied' && e.citizenId === citizenId)).toBe(true);
    const inbox = await app.inject({ method: 'GET', url: '/api/provider-inbox', headers: otherProvider.headers });
    expect(inbox.json<ProviderInbox>().items.map((i) => i.id)).toEqual([otherXrefId]);
  });

  it('reaches the provider with a later revision only when the contact person sends an update', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/cross-referrals/${xrefId}/updates`, headers: home.headers, payload: { share: { planFields: ['location'], assessmentItems: [] } } });
    expect(res.statusCode, res.body).toBe(204);
    const x = (await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: provider.headers })).json<IncomingReferral>();
    expect(x.updates).toHaveLength(1);
    expect(x.updates[0]?.snapshot.plan?.location).toBe('Gentofte');
    expect(x.snapshot.plan?.location).toBeUndefined();
  });

  it('accepts and records contact, then a deeper assessment with tests and goals', async () => {
    const early = await app.inject({ method: 'POST', url: `/api/provider-inbox/${xrefId}/accept`, headers: provider.headers, payload: { contactOn: '2026-11-01' } });
    expect(early.json()).toMatchObject({ error: { fields: [{ field: 'contactOn', code: 'before_received' }] } });
    const res = await app.inject({ method: 'POST', url: `/api/provider-inbox/${xrefId}/accept`, headers: provider.headers, payload: { contactOn: '2026-11-22' } });
    expect(res.statusCode, res.body).toBe(204);
    const da = await app.inject({
      method: 'POST',
      url: `/api/provider-inbox/${xrefId}/deeper-assessments`,
      headers: provider.headers,
      payload: { assessedOn: '2026-11-22', profession: 'physiotherapist', findings: 'Nedsat styrke i højre arm', tests: [{ testCode: 'chair_stand_30s', value: 11 }, { testCode: 'grip_strength', value: 22.5 }], goals: ['Rejse sig 14 gange på 30 sek.'] },
    });
    expect(da.statusCode, da.body).toBe(201);
    const x = (await app.inject({ method: 'GET', url: `/api/provider-inbox/${xrefId}`, headers: provider.headers })).json<IncomingReferral>();
    expect(x.providerContactOn).toBe('2026-11-22');
    expect(x.deeperAssessments[0]?.tests).toEqual(expect.arrayContaining([expect.objectContaining({ testCode: 'grip_strength', value: 22.5, unit: 'kg' })]));
    expect(x.goals.map((g) => g.description)).toEqual(['Rejse sig 14 gange på 30 sek.']);
    expect(x.deadlines.find((d) => d.kind === 'provider_contact')?.state).toBe('met');
    expect(x.deadlines.find((d) => d.kind === 'deeper_assessment')?.state).toBe('met');
  });

  it("records the citizen's decline from either side, and a provider's decline reason reaches the home course", async () => {
    const d = await app.inject({ method: 'POST', url: `/api/cross-referrals/${otherXrefId}/citizen-declines`, headers: otherProvider.headers, payload: { declinedOn: '2026-11-20', reason: 'too_far' } });
    expect(d.statusCode, d.body).toBe(204);
    expect((await app.inject({ method: 'POST', url: `/api/cross-referrals/${otherXrefId}/citizen-declines`, headers: provider.headers, payload: { declinedOn: '2026-11-20', reason: 'too_far' } })).statusCode).toBe(403);
    const decline = await app.inject({ method: 'POST', url: `/api/provider-inbox/${otherXrefId}/decline`, headers: otherProvider.headers, payload: { reason: 'Holdet er fuldt til marts' } });
    expect(decline.statusCode, decline.body).toBe(204);
    const list = (await app.inject({ method: 'GET', url: `/api/courses/${otherCourseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>();
    expect(list.crossReferrals[0]).toMatchObject({ providerDecision: 'declined', providerDecisionReason: 'Holdet er fuldt til marts', citizenDeclines: [{ reason: 'too_far' }] });
  });

  it('records a temporary home offer and a §140 free choice outside the collaboration as such', async () => {
    await anIntervention(database.db, 'mixed_training');
    const homeOffering = await anOffering(database.db, { interventionCode: 'mixed_training', hostMunicipalityCode: '0159' });
    const t = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/home-offers`, headers: home.headers, payload: { kind: 'temporary_home', offeringId: homeOffering, decidedOn: '2026-11-21' } });
    expect(t.statusCode, t.body).toBe(201);
    const foreign = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/home-offers`, headers: home.headers, payload: { kind: 'temporary_home', offeringId, decidedOn: '2026-11-21' } });
    expect(foreign.json()).toMatchObject({ error: { fields: [{ field: 'offeringId', code: 'unknown_offering' }] } });
    await aMunicipality(database.db, '0101', 'København', false);
    const f = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/home-offers`, headers: home.headers, payload: { kind: 'free_choice_outside', interventionCode: 'breast_training', providerMunicipalityCode: '0101', decidedOn: '2026-11-21' } });
    expect(f.statusCode, f.body).toBe(201);
    const kinds = (await app.inject({ method: 'GET', url: `/api/courses/${courseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>().crossReferrals.map((x) => x.kind);
    expect(kinds.sort()).toEqual(['cross_municipal', 'free_choice_outside', 'temporary_home']);
    // Note §8.13: breast training is routed to Gladsaxe from another municipality, so a parallel
    // home offer needs a recorded reason; mixed-diagnosis training never does.
    const breastAtHome = await anOffering(database.db, { interventionCode: 'breast_training', hostMunicipalityCode: '0159' });
    const blocked = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/home-offers`, headers: home.headers, payload: { kind: 'temporary_home', offeringId: breastAtHome, decidedOn: '2026-11-21' } });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json()).toMatchObject({ error: { fields: [{ field: 'parallelHomeReason', code: 'parallel_home_reason_required' }] } });
    const withReason = await app.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/home-offers`,
      headers: home.headers,
      payload: { kind: 'temporary_home', offeringId: breastAtHome, decidedOn: '2026-11-21', parallelHomeReason: 'Kan endnu ikke transportere sig til Gentofte' },
    });
    expect(withReason.statusCode, withReason.body).toBe(201);
    const stored = await database.db.selectFrom('cross_referral').select('parallel_home_reason').where('id', '=', withReason.json<{ id: string }>().id).executeTakeFirstOrThrow();
    expect(stored.parallel_home_reason).toBe('Kan endnu ikke transportere sig til Gentofte');
    // Neither is in anyone's inbox: nothing was sent.
    expect((await app.inject({ method: 'GET', url: '/api/provider-inbox', headers: provider.headers })).json<ProviderInbox>().items).toHaveLength(1);
  });
});

describe('a §140 rehabilitation plan at the provider', () => {
  it("shows the provider the statutory start date where it comes before the provider's own, marked as §140", async () => {
    const db = database.db;
    const contactId = (await db.selectFrom('course_assignment').select('staff_user_id').where('course_id', '=', courseId).executeTakeFirstOrThrow()).staff_user_id;
    const citizen = await aCitizen(db, { homeMunicipalityCode: '0159' });
    // Discharged Wed 18 November with a GOP: training must start by Wed 25 November.
    const gop = await aReferralWithCourse(db, { citizenId: citizen, homeMunicipalityCode: '0159', contactPersonId: contactId, receivedOn: '2026-11-18', source: 'hospital_gop' });
    await db.updateTable('referral').set({ legal_basis: 'SUL140', discharged_on: '2026-11-18' }).where('id', '=', gop.referralId).execute();
    // Received by Gentofte on Fri 20 November: its own rule (10 working days) would say 4 December.
    const xref = (
      await db
        .insertInto('cross_referral')
        .values({ course_id: gop.courseId, kind: 'cross_municipal', intervention_code: 'breast_training', offering_id: offeringId, provider_municipality_code: '0157', consent_on: '2026-11-20', shared_snapshot: JSON.stringify({ plan: 'x' }), sent_at: new Date('2026-11-20T09:00:00Z'), received_on: '2026-11-20' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const inbox = (await app.inject({ method: 'GET', url: '/api/provider-inbox', headers: provider.headers })).json<ProviderInbox>();
    const start = inbox.items.find((i) => i.id === xref)?.deadlines.find((d) => d.kind === 'provider_start');
    // Today is Sunday 22 November: due within two working days.
    expect(start).toMatchObject({ dueOn: '2026-11-25', limitedBy: 'sul140', state: 'due_soon' });
    const one = (await app.inject({ method: 'GET', url: `/api/provider-inbox/${xref}`, headers: provider.headers })).json<IncomingReferral>();
    expect(one.deadlines.find((d) => d.kind === 'provider_start')).toMatchObject({ dueOn: '2026-11-25', limitedBy: 'sul140' });
    // The home course's own §140 deadline says the same date.
    const homeDeadlines = (await app.inject({ method: 'GET', url: `/api/courses/${gop.courseId}/deadlines`, headers: home.headers })).json<{ deadlines: { kind: string; dueOn: string }[] }>();
    expect(homeDeadlines.deadlines.find((d) => d.kind === 'sul140_training_start')?.dueOn).toBe('2026-11-25');
  });
});
