import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCrossReferrals, IncomingReferral, ProviderInbox } from '@samkraft/contracts/cross-referrals';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';

// Issue 10.16: the provider sees the home contact person, and the diagnosis only when shared.
let database: Database;
let app: App;
let home: SignedInClient;
let provider: SignedInClient;
let contactId: string;
let providerId: string;
let offeringId: string;
const course: Record<'shared' | 'unshared', { citizenId: string; courseId: string; xrefId?: string }> = {} as never;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedDeadlineDefaults(db);
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await db.insertInto('diagnosis').values({ code: 'DC50', title_da: 'Kræft i brystkirtel' }).execute();
  await anIntervention(db, 'breast_training');
  offeringId = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157' });
  await db.insertInto('routing').values({ intervention_code: 'breast_training', home_municipality_code: '0159', offering_id: offeringId, valid_from: '2017-10-01' }).execute();
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  await db.updateTable('staff_user').set({ phone: '39 57 51 23', email: 'karen.kontakt@gladsaxe.dk' }).where('id', '=', contactId).execute();
  providerId = await aStaffUser(db, { municipalityCode: '0157', roles: ['therapist'], profession: 'physiotherapist' });
  for (const which of ['shared', 'unshared'] as const) {
    const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Bente', familyName: which === 'shared' ? 'Deler' : 'Tier' });
    const { courseId, referralId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', contactPersonId: contactId, receivedOn: '2026-11-10' });
    await db.updateTable('referral').set({ diagnosis_code: 'DC50' }).where('id', '=', referralId).execute();
    await db
      .insertInto('action_plan')
      .values({ course_id: courseId, version: 1, agreed_on: '2026-11-16', difficulties_and_needs: 'Træthed', purpose_and_content: 'Styrke', location: 'Gentofte', first_follow_up_on: '2026-12-14' })
      .execute();
    course[which] = { citizenId, courseId };
  }
  app = await createTestApp(database); // today is 2026-11-22
  home = await signIn(app, contactId);
  provider = await signIn(app, providerId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const send = (which: 'shared' | 'unshared', share: object) =>
  app.inject({ method: 'POST', url: `/api/courses/${course[which].courseId}/cross-referrals`, headers: home.headers, payload: { offeringId, consentOn: '2026-11-20', share } });
const incoming = async (which: 'shared' | 'unshared') => {
  const res = await app.inject({ method: 'GET', url: `/api/provider-inbox/${course[which].xrefId!}`, headers: provider.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe('the diagnosis, shared only when chosen', () => {
  it('is offered to the contact person as something to share, and previewed only when chosen', async () => {
    const options = (await app.inject({ method: 'GET', url: `/api/courses/${course.shared.courseId}/cross-referrals`, headers: home.headers })).json<CourseCrossReferrals>().shareOptions;
    expect(options.diagnosis).toEqual({ code: 'DC50', title: 'Kræft i brystkirtel' });
    const preview = await app.inject({ method: 'POST', url: `/api/courses/${course.shared.courseId}/cross-referrals/preview`, headers: home.headers, payload: { offeringId, share: { planFields: [], assessmentItems: [], diagnosis: true } } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ diagnosis: { code: 'DC50', title: 'Kræft i brystkirtel' }, plan: null });
  });

  it('reaches the provider with code and title when shared', async () => {
    const res = await send('shared', { planFields: [], assessmentItems: [], diagnosis: true });
    expect(res.statusCode, res.body).toBe(201);
    course.shared.xrefId = res.json<{ id: string }>().id;
    const body = (await incoming('shared')).json<IncomingReferral>();
    expect(body.snapshot.diagnosis).toEqual({ code: 'DC50', title: 'Kræft i brystkirtel' });
    const events = await listAuditEvents(database.db, { citizenId: course.shared.citizenId, actorUserId: contactId });
    expect(events.find((e) => e.action === 'cross_referral.send')?.detail).toMatchObject({ share: { diagnosis: true } });
  });

  it('never reaches the provider when not shared: no answer carries its code or title', async () => {
    const res = await send('unshared', { planFields: ['location'], assessmentItems: [] });
    expect(res.statusCode, res.body).toBe(201);
    course.unshared.xrefId = res.json<{ id: string }>().id;
    const answers = [
      (await incoming('unshared')).body,
      (await app.inject({ method: 'GET', url: '/api/provider-inbox', headers: provider.headers })).body,
      (await app.inject({ method: 'POST', url: '/api/citizens/search', headers: provider.headers, payload: { query: 'Tier' } })).body,
    ];
    for (const body of answers) {
      expect(body).not.toContain('DC50');
      expect(body).not.toContain('brystkirtel');
    }
    expect(JSON.parse(answers[0]!)).toMatchObject({ snapshot: { plan: { location: 'Gentofte' } } });
    // The course page and the citizen's record stay closed to the provider.
    expect((await app.inject({ method: 'GET', url: `/api/courses/${course.unshared.courseId}`, headers: provider.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/courses/${course.unshared.courseId}/cross-referrals`, headers: provider.headers })).statusCode).toBe(403);
  });

  it('stays unshared in an update unless chosen then', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/cross-referrals/${course.unshared.xrefId!}/updates`, headers: home.headers, payload: { share: { planFields: ['location'], assessmentItems: [] } } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await incoming('unshared')).body).not.toContain('DC50');
  });
});

describe("the home municipality's contact person, seen by the provider", () => {
  it('gives name, profession, work phone and e-mail, and the read is audited', async () => {
    const body = (await incoming('shared')).json<IncomingReferral>();
    expect(body.homeContact).toEqual({ name: 'Karen Kontakt', profession: 'nurse', phone: '39 57 51 23', email: 'karen.kontakt@gladsaxe.dk', unitPhone: null });
    const events = await listAuditEvents(database.db, { citizenId: course.shared.citizenId, actorUserId: providerId });
    expect(events.some((e) => e.action === 'provider_inbox.read' && e.outcome === 'allowed')).toBe(true);
  });

  it("gives the home unit's phone beside a contact person who has none", async () => {
    await database.db.updateTable('staff_user').set({ phone: null }).where('id', '=', contactId).execute();
    await database.db.updateTable('municipality').set({ unit_phone: '39 57 50 00' }).where('code', '=', '0159').execute();
    const body = (await incoming('shared')).json<IncomingReferral>();
    expect(body.homeContact).toMatchObject({ name: 'Karen Kontakt', phone: null, unitPhone: '39 57 50 00' });
  });

  it('lists the provider inbox as before', async () => {
    const inbox = (await app.inject({ method: 'GET', url: '/api/provider-inbox', headers: provider.headers })).json<ProviderInbox>();
    expect(inbox.items.map((i) => i.id).sort()).toEqual([course.shared.xrefId, course.unshared.xrefId].sort());
  });
});
