import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartPage } from '@samkraft/contracts/start';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { seedDeadlineDefaults } from '../../test-support/deadline-defaults.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const id: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await aMunicipality(db, '0173', 'Lyngby-Taarbæk');
  id.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.colleague = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.lead = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  id.therapist = await aStaffUser(db, { municipalityCode: '0173', roles: ['therapist'] });
  id.coordinator = await aStaffUser(db, { municipalityCode: '0151', roles: ['coordinator'] });
  id.ballerupContact = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  id.mine = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Min' });
  id.unassigned = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Uden' });
  id.colleagues = await aCitizen(db, { homeMunicipalityCode: '0159', givenName: 'Kollegas' });
  id.ballerup = await aCitizen(db, { homeMunicipalityCode: '0151', givenName: 'Ballerupper' });
  const mine = await aReferralWithCourse(db, { citizenId: id.mine, homeMunicipalityCode: '0159', contactPersonId: id.contact });
  await aReferralWithCourse(db, { citizenId: id.unassigned, homeMunicipalityCode: '0159' });
  await aReferralWithCourse(db, { citizenId: id.colleagues, homeMunicipalityCode: '0159', contactPersonId: id.colleague });
  await aReferralWithCourse(db, { citizenId: id.ballerup, homeMunicipalityCode: '0151' });
  await anIntervention(db, 'puls_styrke');
  const offeringId = await anOffering(db, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });
  await aCrossReferral(db, { courseId: mine.courseId, offeringId, interventionCode: 'puls_styrke', providerMunicipalityCode: '0173' });
  app = await createTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function startFor(userId: string, role?: string): Promise<StartPage> {
  const c = await signIn(app, userId);
  const res = await app.inject({ method: 'GET', url: `/api/start${role ? `?role=${role}` : ''}`, headers: c.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/start', () => {
  it("shows a contact person their own citizens and the municipality's unassigned ones, nothing else", async () => {
    const page = await startFor(id.contact!);
    if (page.kind !== 'contact_person') throw new Error(page.kind);
    expect(page.myCourses.map((c) => c.citizen.id)).toEqual([id.mine]);
    expect(page.myCourses[0]?.step).toBe('referred_on');
    expect(page.unassigned.map((c) => c.citizen.id)).toEqual([id.unassigned]);
    const shown = [...page.myCourses, ...page.unassigned].map((c) => c.citizen.id);
    expect(shown).not.toContain(id.ballerup);
    expect(shown).not.toContain(id.colleagues);
  });

  it('audits every citizen shown on the list', async () => {
    await startFor(id.contact!);
    const events = await listAuditEvents(database.db, { actorUserId: id.contact!, limit: 1000 });
    const citizens = new Set(events.filter((e) => e.action === 'course.list').map((e) => e.citizenId));
    expect(citizens).toEqual(new Set([id.mine, id.unassigned]));
  });

  it("shows a providing municipality's therapist the referrals sent to it", async () => {
    const page = await startFor(id.therapist!);
    if (page.kind !== 'therapist') throw new Error(page.kind);
    expect(page.referrals.map((r) => [r.citizen.id, r.homeMunicipality.name, r.state])).toEqual([[id.mine, 'Gladsaxe', 'new']]);
  });

  it('shows a municipal lead step counts, unassigned courses and staff load', async () => {
    const page = await startFor(id.lead!);
    if (page.kind !== 'municipal_lead') throw new Error(page.kind);
    expect(page.stepCounts.filter((c) => c.step !== 'closed').reduce((s, c) => s + c.count, 0)).toBe(3);
    expect(page.stepCounts.find((c) => c.step === 'closed')?.count).toBe(0);
    expect(page.unassigned).toHaveLength(1);
    expect(page.staff.find((s) => s.id === id.contact)?.openCourses).toBe(1);
  });

  it('shows a coordinator counts per municipality and no person', async () => {
    const page = await startFor(id.coordinator!);
    if (page.kind !== 'coordinator') throw new Error(page.kind);
    const gladsaxe = page.municipalities.find((m) => m.municipality.code === '0159');
    expect(gladsaxe).toMatchObject({ referrals: 3, openCourses: 3, referredToOthers: 1, receivedFromOthers: 0 });
    expect(page.municipalities.find((m) => m.municipality.code === '0173')).toMatchObject({ receivedFromOthers: 1 });
    expect(JSON.stringify(page)).not.toContain(id.mine);
  });

  it("counts a municipal lead's closed courses beside the open ones", async () => {
    const closed = await aCitizen(database.db, { homeMunicipalityCode: '0159', givenName: 'Afsluttet' });
    const k = await aReferralWithCourse(database.db, { citizenId: closed, homeMunicipalityCode: '0159' });
    await database.db.updateTable('course').set({ closed_on: '2026-11-20', close_reason: 'completed' }).where('id', '=', k.courseId).execute();
    const page = await startFor(id.lead!);
    if (page.kind !== 'municipal_lead') throw new Error(page.kind);
    expect(page.stepCounts.find((c) => c.step === 'closed')?.count).toBe(1);
    expect(page.stepCounts.filter((c) => c.step !== 'closed').reduce((s, c) => s + c.count, 0)).toBe(3);
  });

  it("counts an administrator's audit events since Danish midnight", async () => {
    id.admin ??= await aStaffUser(database.db, { municipalityCode: '0159', roles: ['administrator'] });
    await startFor(id.contact!);
    const page = await startFor(id.admin);
    if (page.kind !== 'administrator') throw new Error(page.kind);
    const { n } = await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(page.auditEventsToday).toBeGreaterThan(0);
    expect(page.auditEventsToday).toBeLessThanOrEqual(Number(n));
  });

  it('refuses a role the user does not have', async () => {
    const c = await signIn(app, id.contact!);
    const res = await app.inject({ method: 'GET', url: '/api/start?role=coordinator', headers: c.headers });
    expect(res.statusCode).toBe(403);
  });

  // Last: it adds a course the counts above do not expect.
  it("gives each of a contact person's courses its next deadline, the most urgent first", async () => {
    await seedDeadlineDefaults(database.db);
    const earlier = await aCitizen(database.db, { homeMunicipalityCode: '0159', givenName: 'Tidligere' });
    const k = await aReferralWithCourse(database.db, { citizenId: earlier, homeMunicipalityCode: '0159', contactPersonId: id.contact!, receivedOn: '2026-10-01' });
    const page = await startFor(id.contact!);
    if (page.kind !== 'contact_person') throw new Error(page.kind);
    expect(page.myCourses.map((c) => c.courseId)[0]).toBe(k.courseId);
    expect(page.myCourses[0]?.nextDeadline).toMatchObject({ kind: 'first_contact', state: 'overdue', clockStartedOn: '2026-10-01' });
    expect(page.myCourses[1]?.nextDeadline).not.toBeNull();
    expect(page.unassigned[0]?.nextDeadline).toMatchObject({ kind: 'first_contact' });
  });
});
