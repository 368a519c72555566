import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser, anIntervention, anOffering } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const ids: Record<string, string> = {};
const c: Record<string, SignedInClient> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0157', 'Gentofte');
  await aMunicipality(db, '0151', 'Ballerup');
  await anIntervention(db, 'lung');
  await anIntervention(db, 'brain');
  ids.gentofte = await anOffering(db, { interventionCode: 'lung', hostMunicipalityCode: '0157' });
  ids.ballerup = await anOffering(db, { interventionCode: 'lung', hostMunicipalityCode: '0151' });
  ids.brain = await anOffering(db, { interventionCode: 'brain', hostMunicipalityCode: '0151' });
  const r = await db
    .insertInto('routing')
    .values({ intervention_code: 'lung', home_municipality_code: '0159', offering_id: ids.gentofte, valid_from: '2017-10-01', inferred: true, note: 'nearest' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.route = r.id;
  ids.admin = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  ids.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  c.admin = await signIn(app, ids.admin);
  c.contact = await signIn(app, ids.contact);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (who: string, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, headers: c[who]!.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const routing = async (on: string) =>
  (await app.inject({ method: 'GET', url: `/api/catalogue/routing?on=${on}`, headers: c.contact!.headers })).json().map((r: { host: { name: string } }) => r.host.name);
const outcomes = async (action: string) => (await database.db.selectFrom('audit_event').select('outcome').where('action', '=', action).orderBy('id').execute()).map((e) => e.outcome);

describe('effective-dated routing', () => {
  it('refuses ending a route for a contact person, audited, nothing changed', async () => {
    const res = await post('contact', `/api/catalogue/routing/${ids.route}/end`, { validTo: '2026-12-31' });
    expect(res.statusCode).toBe(403);
    expect(await outcomes('catalogue.routing.end')).toEqual(['denied']);
    expect(await routing('2027-06-01')).toEqual(['Gentofte']);
  });

  it.each([
    [{ validTo: '2017-09-30' }, 'validTo', 'before_valid_from'],
    [{ validTo: '2026-02-30' }, 'validTo', 'invalid_date'],
    [{}, 'validTo', 'required'],
  ])('names the bad end date %j', async (payload, field, code) => {
    const res = await post('admin', `/api/catalogue/routing/${ids.route}/end`, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field, code });
  });

  it('ends a route on a date, keeping it as history', async () => {
    const res = await post('admin', `/api/catalogue/routing/${ids.route}/end`, { validTo: '2026-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.route, validFrom: '2017-10-01', validTo: '2026-12-31' });
    expect(await routing('2026-12-31')).toEqual(['Gentofte']);
    expect(await routing('2027-01-01')).toEqual([]);
    expect((await post('admin', `/api/catalogue/routing/${ids.route}/end`, { validTo: '2027-03-01' })).json().error.fields[0]).toMatchObject({ field: 'validTo', code: 'already_ended' });
    expect(await outcomes('catalogue.routing.end')).toEqual(['denied', 'allowed']);
  });

  it('adds a route from a date to another host, refusing overlaps and another intervention’s offering', async () => {
    const body = { interventionCode: 'lung', homeMunicipalityCode: '0159', offeringId: ids.ballerup, validFrom: '2027-01-01', inferred: false, note: 'Aftale 2027' };
    const brainOffering = await post('admin', '/api/catalogue/routing', { ...body, offeringId: ids.brain });
    expect(brainOffering.json().error.fields[0]).toMatchObject({ field: 'offeringId', code: 'other_intervention' });
    expect((await post('admin', '/api/catalogue/routing', body)).statusCode).toBe(204);
    // Back to Gentofte from mid-2026: shares days with the ended Gentofte route (to 2026-12-31).
    const overlap = await post('admin', '/api/catalogue/routing', { ...body, offeringId: ids.gentofte, validFrom: '2026-06-01' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.fields[0]).toMatchObject({ field: 'validFrom', code: 'overlapping_route', params: { validFrom: '2017-10-01' } });
    const laterOverlap = await post('admin', '/api/catalogue/routing', { ...body, validFrom: '2027-05-01' });
    expect(laterOverlap.json().error.fields[0]).toMatchObject({ field: 'validFrom', code: 'overlapping_route' });
    expect(await routing('2026-12-31')).toEqual(['Gentofte']);
    expect(await routing('2027-01-01')).toEqual(['Ballerup']);
    const history = (await app.inject({ method: 'GET', url: '/api/catalogue/routing/history?intervention=lung', headers: c.contact!.headers })).json();
    expect(history.map((r: { host: { name: string }; validFrom: string; validTo: string | null }) => [r.host.name, r.validFrom, r.validTo])).toEqual([
      ['Gentofte', '2017-10-01', '2026-12-31'],
      ['Ballerup', '2027-01-01', null],
    ]);
    expect(await outcomes('catalogue.routing.create')).toEqual(['allowed']);
  });

  it('confirms an inferred route for administrators only', async () => {
    expect((await post('contact', `/api/catalogue/routing/${ids.route}/confirm`)).statusCode).toBe(403);
    const res = await post('admin', `/api/catalogue/routing/${ids.route}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ inferred: false, reviewedAt: '2026-11-22T10:00:00.000Z' });
    expect((await post('admin', `/api/catalogue/routing/${ids.route}/confirm`)).statusCode).toBe(409);
    expect(await outcomes('catalogue.routing.confirm')).toEqual(['denied', 'allowed']);
  });
});
