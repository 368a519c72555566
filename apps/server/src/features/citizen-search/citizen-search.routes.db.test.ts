import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const ids: Record<string, string> = {};

// Official test persons (shared/refdata/cpr/dkcore_medcom_test_patients.json).
const EINER = { cpr: '0201609995', givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M' as const, birthDate: '1960-01-02' };
const LONNI = { cpr: '0201609996', givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F' as const, birthDate: '1960-01-02' };

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
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', ...EINER });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0159', ...LONNI });
  ids.ballerupLauridsen = await aCitizen(db, { homeMunicipalityCode: '0151', givenName: 'Syntetisk', familyName: 'Lauridsen' });
  const einer = await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', contactPersonId: ids.gladsaxeContact });
  ids.einerCourse = einer.courseId;
  ids.lonniCourse = (await aReferralWithCourse(db, { citizenId: ids.lonni, homeMunicipalityCode: '0159' })).courseId;
  await anIntervention(db, 'puls_styrke');
  const offeringId = await anOffering(db, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });
  ids.einerCrossReferral = await aCrossReferral(db, { courseId: einer.courseId, offeringId, interventionCode: 'puls_styrke', providerMunicipalityCode: '0173' });
  app = await createTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function search(client: SignedInClient, body: unknown) {
  return app.inject({ method: 'POST', url: '/api/citizens/search', headers: client.headers, payload: body as object });
}

describe('POST /api/citizens/search', () => {
  it("finds the home municipality's citizens by part of a name, any case, with their courses, and audits each one", async () => {
    const c = await signIn(app, ids.gladsaxeContact!);
    const res = await search(c, { query: 'lAURIDs' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ by: 'name', truncated: false });
    expect(body.items.map((i: { citizen: { name: string } }) => i.citizen.name)).toEqual(['Einer Test Lauridsen', 'Lonni Test Lauridsen']);
    expect(body.items[0]).toMatchObject({ scope: 'home', citizen: { identifier: '020160-9995' }, courses: [{ courseId: ids.einerCourse, closedOn: null }], incomingReferrals: [] });
    for (const citizenId of [ids.einer!, ids.lonni!]) {
      const events = await listAuditEvents(database.db, { citizenId, actorUserId: ids.gladsaxeContact! });
      expect(events.filter((e) => e.action === 'citizen.search')).toMatchObject([{ outcome: 'allowed', entityId: citizenId }]);
    }
    expect(await listAuditEvents(database.db, { citizenId: ids.ballerupLauridsen!, actorUserId: ids.gladsaxeContact! })).toEqual([]);
  });

  it('matches every word of a name, given or family', async () => {
    const c = await signIn(app, ids.gladsaxeContact!);
    const res = await search(c, { query: 'lonni lauridsen' });
    expect(res.json().items.map((i: { citizen: { id: string } }) => i.citizen.id)).toEqual([ids.lonni]);
  });

  it('finds a citizen by CPR number with or without the dash', async () => {
    const c = await signIn(app, ids.gladsaxeContact!);
    for (const query of ['020160-9995', '0201609995']) {
      const res = await search(c, { query });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ by: 'cpr', items: [{ citizen: { id: ids.einer } }] });
    }
  });

  it("finds nothing of another municipality's citizens, by CPR or name, and audits nothing of them", async () => {
    const c = await signIn(app, ids.ballerupContact!);
    expect((await search(c, { query: '020160-9995' })).json().items).toEqual([]);
    const byName = (await search(c, { query: 'Lauridsen' })).json();
    expect(byName.items.map((i: { citizen: { id: string } }) => i.citizen.id)).toEqual([ids.ballerupLauridsen]);
    expect(await listAuditEvents(database.db, { citizenId: ids.einer!, actorUserId: ids.ballerupContact! })).toEqual([]);
  });

  it('gives a providing municipality only the citizens referred to it, name, identifier and its referral only', async () => {
    const c = await signIn(app, ids.lyngbyTherapist!);
    const res = await search(c, { query: 'Lauridsen' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        citizen: { id: ids.einer, name: 'Einer Test Lauridsen', identifier: '020160-9995' },
        scope: 'provider',
        courses: [],
        incomingReferrals: [{ id: ids.einerCrossReferral, receivedOn: '2026-11-10', homeMunicipality: { code: '0159', name: 'Gladsaxe' } }],
      },
    ]);
    expect((await search(c, { query: '0201609996' })).json().items).toEqual([]);
    const events = await listAuditEvents(database.db, { citizenId: ids.einer!, actorUserId: ids.lyngbyTherapist! });
    expect(events.filter((e) => e.action === 'citizen.search')).toHaveLength(1);
  });

  it('gives at most 50 citizens, says there were more, and audits only those shown', async () => {
    const made: string[] = [];
    for (let i = 0; i < 51; i += 1) made.push(await aCitizen(database.db, { homeMunicipalityCode: '0151', givenName: `Mange ${String(i).padStart(2, '0')}`, familyName: 'Mangesen' }));
    const c = await signIn(app, ids.ballerupContact!);
    const res = await search(c, { query: 'mangesen' });
    expect(res.json()).toMatchObject({ truncated: true });
    expect(res.json().items).toHaveLength(50);
    const audited = await listAuditEvents(database.db, { actorUserId: ids.ballerupContact!, limit: 1000 });
    const shown = new Set(audited.filter((e) => e.action === 'citizen.search').map((e) => e.citizenId));
    expect(made.filter((id) => shown.has(id))).toHaveLength(50);
    expect(shown.has(made[50]!)).toBe(false);
  });

  it('refuses a coordinator (aggregates only) and audits the refusal', async () => {
    const c = await signIn(app, ids.coordinator!);
    const res = await search(c, { query: 'Lauridsen' });
    expect(res.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: ids.coordinator! });
    expect(events.filter((e) => e.action === 'citizen.search')).toMatchObject([{ outcome: 'denied', citizenId: null }]);
  });

  it('answers bad input with a 400 naming the query field', async () => {
    const c = await signIn(app, ids.gladsaxeContact!);
    for (const [body, field, code] of [
      [{}, 'query', 'required'],
      [{ query: ' ' }, 'query', 'too_short'],
      [{ query: 'x'.repeat(101) }, 'query', 'too_long'],
      [{ query: '020160' }, 'query', 'invalid_format'],
      [{ query: 'Lauridsen', cpr: '0201609995' }, 'cpr', 'unknown_field'],
    ] as const) {
      const res = await search(c, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field, code })]);
    }
  });
});
