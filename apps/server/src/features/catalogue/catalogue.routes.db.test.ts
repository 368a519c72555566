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
  await anIntervention(db, 'breast_training');
  ids.offering = await anOffering(db, { interventionCode: 'breast_training', hostMunicipalityCode: '0157', capacity: 12 });
  await db.insertInto('routing').values({ intervention_code: 'breast_training', home_municipality_code: '0159', offering_id: ids.offering, valid_from: '2017-10-01', inferred: true, note: 'nearest' }).execute();
  ids.admin = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  ids.lead = await aStaffUser(db, { municipalityCode: '0157', roles: ['municipal_lead', 'contact_person'] });
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  c.admin = await signIn(app, ids.admin);
  c.lead = await signIn(app, ids.lead);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const patch = (who: string, payload: unknown) =>
  app.inject({ method: 'PATCH', url: `/api/catalogue/offerings/${ids.offering}`, headers: c[who]!.headers, payload: payload as Record<string, unknown> });
const auditRows = () => database.db.selectFrom('audit_event').selectAll().where('action', '=', 'catalogue.offering.update').execute();

describe('catalogue', () => {
  it('shows offerings and routing (inferred marked) to all staff', async () => {
    const offerings = (await app.inject({ method: 'GET', url: '/api/catalogue/offerings', headers: c.lead!.headers })).json();
    expect(offerings).toEqual([expect.objectContaining({ id: ids.offering, host: { code: '0157', name: 'Gentofte' }, capacity: 12 })]);
    const routing = (await app.inject({ method: 'GET', url: '/api/catalogue/routing', headers: c.lead!.headers })).json();
    expect(routing).toEqual([expect.objectContaining({ interventionCode: 'breast_training', homeMunicipalityCode: '0159', offeringId: ids.offering, inferred: true, note: 'nearest' })]);
  });

  it('refuses an offering change by a non-administrator, audited, changing nothing', async () => {
    const res = await patch('lead', { capacity: 20 });
    expect(res.statusCode).toBe(403);
    expect((await auditRows()).filter((e) => e.outcome === 'denied' && e.actor_user_id === ids.lead)).toHaveLength(1);
    expect((await database.db.selectFrom('offering').select('capacity').where('id', '=', ids.offering!).executeTakeFirstOrThrow()).capacity).toBe(12);
  });

  it.each([
    [{ capacity: -1 }, 'capacity'],
    [{ validTo: '2017-01-01' }, 'validTo'],
    [{ contactEmail: 'nope' }, 'contactEmail'],
    [{ seats: 3 }, 'seats'],
  ])('names the bad field of %j', async (payload, field) => {
    const res = await patch('admin', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('lets an administrator change the capacity, audited with old and new value', async () => {
    const res = await patch('admin', { capacity: 14, contactName: 'Bente Fys' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ capacity: 14, contactName: 'Bente Fys' });
    const ok = (await auditRows()).filter((e) => e.outcome === 'allowed');
    expect(ok).toHaveLength(1);
    expect(ok[0]!.detail).toMatchObject({ capacity: { from: 12, to: 14 } });
  });

  it('adds an effective-dated route for administrators only, naming bad fields, audited', async () => {
    const body = { homeMunicipalityCode: '0157', offeringId: ids.offering, validFrom: '2026-12-01', inferred: false, note: 'Bilag 1' };
    const post = (who: string, payload: unknown) => app.inject({ method: 'POST', url: '/api/catalogue/routing', headers: c[who]!.headers, payload: payload as Record<string, unknown> });
    expect((await post('lead', body)).statusCode).toBe(403);
    for (const [payload, field] of [
      [{ ...body, homeMunicipalityCode: '0999' }, 'homeMunicipalityCode'],
      [{ ...body, validTo: '2026-11-30' }, 'validTo'],
      [{ ...body, offeringId: '00000000-0000-4000-8000-000000000000' }, 'offeringId'],
    ] as const) {
      const res = await post('admin', payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[0].field).toBe(field);
    }
    expect((await post('admin', body)).statusCode).toBe(204);
    expect((await post('admin', body)).json().error.fields[0]).toMatchObject({ field: 'validFrom', code: 'duplicate' });
    const later = (await app.inject({ method: 'GET', url: '/api/catalogue/routing?on=2026-12-01', headers: c.lead!.headers })).json();
    expect(later.map((r: { homeMunicipalityCode: string }) => r.homeMunicipalityCode)).toEqual(['0157', '0159']);
    const today = (await app.inject({ method: 'GET', url: '/api/catalogue/routing', headers: c.lead!.headers })).json();
    expect(today).toHaveLength(1);
    const events = await database.db.selectFrom('audit_event').select(['outcome']).where('action', '=', 'catalogue.routing.create').execute();
    expect(events.map((e) => e.outcome).sort()).toEqual(['allowed', 'denied']);
  });
});

