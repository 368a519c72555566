import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  await aMunicipality(db, '0173', 'Lyngby-Taarbæk');
  ids.gladsaxeContact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  ids.ballerupContact = await aStaffUser(db, { municipalityCode: '0151', roles: ['contact_person'] });
  ids.lyngbyTherapist = await aStaffUser(db, { municipalityCode: '0173', roles: ['therapist'], profession: 'physiotherapist' });
  ids.coordinator = await aStaffUser(db, { municipalityCode: '0151', roles: ['coordinator'] });
  ids.citizen = await aCitizen(db, { homeMunicipalityCode: '0159', protected: true });
  const { courseId } = await aReferralWithCourse(db, { citizenId: ids.citizen, homeMunicipalityCode: '0159', contactPersonId: ids.gladsaxeContact });
  await anIntervention(db, 'puls_styrke');
  const offeringId = await anOffering(db, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });
  await aCrossReferral(db, { courseId, offeringId, interventionCode: 'puls_styrke', providerMunicipalityCode: '0173' });
  app = await createTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/citizens/:id', () => {
  it('gives the home municipality the record, address hidden under protection, and audits the read', async () => {
    const c = await signIn(app, ids.gladsaxeContact!);
    const res = await app.inject({ method: 'GET', url: `/api/citizens/${ids.citizen}`, headers: c.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.homeMunicipality).toEqual({ code: '0159', name: 'Gladsaxe' });
    expect(body.protected).toBe(true);
    expect(body.address).toBeNull();
    expect(body.identifier).toMatch(/^P-/);
    const events = await listAuditEvents(database.db, { citizenId: ids.citizen!, actorUserId: ids.gladsaxeContact! });
    expect(events.some((e) => e.action === 'citizen.read' && e.outcome === 'allowed')).toBe(true);
  });

  it("refuses another municipality's staff and writes the refusal to the audit log", async () => {
    const c = await signIn(app, ids.ballerupContact!);
    const res = await app.inject({ method: 'GET', url: `/api/citizens/${ids.citizen}`, headers: c.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const events = await listAuditEvents(database.db, { citizenId: ids.citizen!, actorUserId: ids.ballerupContact! });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'citizen.read', outcome: 'denied', detail: { reason: 'other_municipality' } });
  });

  it('lets the providing municipality see the shared citizen without the home courses', async () => {
    const c = await signIn(app, ids.lyngbyTherapist!);
    const res = await app.inject({ method: 'GET', url: `/api/citizens/${ids.citizen}`, headers: c.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().courses).toEqual([]);
    expect(res.json().address).toBeNull();
  });

  it('refuses a coordinator person-level data, and audits it', async () => {
    const c = await signIn(app, ids.coordinator!);
    const res = await app.inject({ method: 'GET', url: `/api/citizens/${ids.citizen}`, headers: c.headers });
    expect(res.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: ids.coordinator!, citizenId: ids.citizen! });
    expect(events[0]).toMatchObject({ outcome: 'denied', detail: { reason: 'aggregates_only' } });
  });

  it('asks for sign-in without a session', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/citizens/${ids.citizen}` });
    expect(res.statusCode).toBe(401);
  });

  it('answers a malformed id with 400 naming the field', async () => {
    const c = await signIn(app, ids.gladsaxeContact!);
    const res = await app.inject({ method: 'GET', url: '/api/citizens/not-a-uuid', headers: c.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('params.citizenId');
  });
});
