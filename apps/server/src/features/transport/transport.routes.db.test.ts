import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityTransport, TransportResultDto, TransportRules } from '@samkraft/contracts/transport';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { TRANSPORT_RULES } from '../reference-data/policies.data.ts';

const NOW = '2026-11-23T09:00:00Z';

let database: Database;
let app: App;
const id: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  for (const t of TRANSPORT_RULES) {
    await db.insertInto('transport_rule').values({ effective_from: t.effectiveFrom, pensioner_min_dkk: t.pensionerMinDkk, non_pensioner_min_dkk: t.nonPensionerMinDkk, distance_km: t.distanceKm, source: t.source }).execute();
  }
  for (const code of ['0159', '0151']) {
    await db.insertInto('municipality_transport').values({ municipality_code: code, effective_from: '2014-01-01', flextur_member: true }).execute();
  }
  id.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  id.lead = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  id.ballerupLead = await aStaffUser(db, { municipalityCode: '0151', roles: ['municipal_lead'] });
  id.ballerupTherapist = await aStaffUser(db, { municipalityCode: '0151', roles: ['therapist'] });
  id.admin = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  id.citizen = await aCitizen(db, { homeMunicipalityCode: '0159' });
  await db.updateTable('citizen').set({ pensioner: true }).where('id', '=', id.citizen).execute();
  const { courseId, referralId } = await aReferralWithCourse(db, { citizenId: id.citizen, homeMunicipalityCode: '0159', contactPersonId: id.contact, source: 'hospital_gop' });
  await db.updateTable('referral').set({ legal_basis: 'SUL140' }).where('id', '=', referralId).execute();
  await anIntervention(db, 'breast_training');
  const offeringId = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0151' });
  id.cross = await aCrossReferral(db, { courseId, offeringId, interventionCode: 'breast_training', providerMunicipalityCode: '0151' });
  app = await createTestApp(database, { now: NOW });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

// One session per user: signing in per request would hit the sign-in rate limit.
const sessions = new Map<string, SignedInClient>();
async function call(userId: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) {
  const c = sessions.get(userId) ?? (await signIn(app, userId));
  sessions.set(userId, c);
  const res = await app.inject({ method, url, headers: c.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() };
}

describe('GET /api/cross-referrals/:id/transport', () => {
  it("gives the home municipality the Bilag K result, with the year's assumed threshold, and audits the read", async () => {
    const { status, body } = await call(id.contact!, 'GET', `/api/cross-referrals/${id.cross}/transport?cheapestCostDkk=60`);
    expect(status).toBe(200);
    const r = body as TransportResultDto;
    expect(r).toMatchObject({ rule: 'sul140_right', entitled: true, reasons: ['pensioner'], reimbursement: 'reimbursed', onDate: '2026-11-10' });
    expect(r.threshold).toMatchObject({ year: 2026, thresholdFrom: 2023, assumed: true, minDkk: 44 });
    expect(r.distance).toEqual({ km: 7.85, limitKm: 50, basis: 'town_hall_to_town_hall' });
    expect(r.flextur.available).toBe(true);
    const events = await listAuditEvents(database.db, { citizenId: id.citizen! });
    expect(events.some((e) => e.action === 'transport.read' && e.outcome === 'allowed')).toBe(true);
  });

  it('refuses the providing municipality (it sees no home course) and an unknown id', async () => {
    expect((await call(id.ballerupTherapist!, 'GET', `/api/cross-referrals/${id.cross}/transport`)).status).toBe(403);
    expect((await call(id.contact!, 'GET', '/api/cross-referrals/00000000-0000-4000-8000-000000000000/transport')).status).toBe(404);
  });
});

describe('/api/municipalities/:code/transport', () => {
  it('lets the lead set a new effective-dated service level for their own municipality, audited', async () => {
    const put = await call(id.lead!, 'PUT', '/api/municipalities/0159/transport', { effectiveFrom: '2026-11-01', flexturMember: false, serviceLevelDa: 'Kørsel efter § 117', coPaymentDkk: 25 });
    expect(put.status).toBe(200);
    const m = put.body as MunicipalityTransport;
    expect(m).toMatchObject({ municipalityName: 'Gladsaxe', effectiveFrom: '2026-11-01', flexturMember: false, serviceLevelDa: 'Kørsel efter § 117', coPaymentDkk: 25 });
    expect(m.history.map((h) => h.effectiveFrom)).toEqual(['2026-11-01', '2014-01-01']);
    const events = await database.db.selectFrom('audit_event').select(['action', 'outcome']).where('action', '=', 'municipality_transport.update').execute();
    expect(events).toEqual([{ action: 'municipality_transport.update', outcome: 'allowed' }]);
    // The referral received 10 Nov reads the row in force then: Flextur no longer across.
    const t = await call(id.contact!, 'GET', `/api/cross-referrals/${id.cross}/transport`);
    expect((t.body as TransportResultDto).flextur).toEqual({ available: false, homeMember: false, providerMember: true });
  });

  it("refuses another municipality's lead and a contact person; an administrator may edit any", async () => {
    expect((await call(id.ballerupLead!, 'GET', '/api/municipalities/0159/transport')).status).toBe(403);
    expect((await call(id.contact!, 'PUT', '/api/municipalities/0159/transport', { effectiveFrom: '2026-11-01', flexturMember: true, serviceLevelDa: null, coPaymentDkk: null })).status).toBe(403);
    expect((await call(id.admin!, 'PUT', '/api/municipalities/0151/transport', { effectiveFrom: '2026-11-20', flexturMember: true, serviceLevelDa: null, coPaymentDkk: null })).status).toBe(200);
  });

  it('names an unknown field', async () => {
    const r = await call(id.lead!, 'PUT', '/api/municipalities/0159/transport', { effectiveFrom: '2026-11-01', flexturMember: true, serviceLevelDa: null, coPaymentDkk: null, extra: 1 });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('unknown_field');
  });
});

describe('/api/transport-rules', () => {
  it('lists the thresholds by year and lets an administrator add a year once', async () => {
    const list = await call(id.contact!, 'GET', '/api/transport-rules');
    expect((list.body as TransportRules).items.map((i) => i.year)).toEqual([2014, 2018, 2019, 2023]);
    const body = { year: 2026, pensionerMinDkk: 48, nonPensionerMinDkk: 113, source: 'Test' };
    expect((await call(id.lead!, 'POST', '/api/transport-rules', body)).status).toBe(403);
    const added = await call(id.admin!, 'POST', '/api/transport-rules', body);
    expect(added.status).toBe(201);
    expect((added.body as TransportRules).items.at(-1)).toMatchObject({ year: 2026, effectiveFrom: '2026-01-01', pensionerMinDkk: 48, distanceKm: 50 });
    const again = await call(id.admin!, 'POST', '/api/transport-rules', body);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('"code":"duplicate"');
    const t = await call(id.contact!, 'GET', `/api/cross-referrals/${id.cross}/transport`);
    expect((t.body as TransportResultDto).threshold).toMatchObject({ thresholdFrom: 2026, assumed: false, minDkk: 48 });
  });
});
