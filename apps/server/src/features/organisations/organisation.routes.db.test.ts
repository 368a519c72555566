import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationRegisterPage } from '@samkraft/contracts/organisations';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, anOrganisation, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { findOrganisationByGlnIn, findOrganisationByIdentifierIn, findOrganisationBySorIn, messagingUnitOfIn } from './organisation.service.ts';

// SOR codes and GLNs from MedCom's CareCommunication test messages (refdata/fhir/medcom/carecommunication),
// never invented: the receivers "Sundhedsplejen, Aabenraa kommune" and "Arden Lægehus", the sender
// "Hjerteafdelingen på Herlev og Gentofte hospital".
const AABENRAA = { sorCode: '330461000016004', gln: '5790001353308' };
const ARDEN = { sorCode: '382871000016004', gln: '5790001387419' };
const HEART = { sorCode: '265161000016000', gln: '5790000209354' };
/** A CVR number whose modulus-11 sum is 0 (Gladsaxe Kommune's, as in contracts/identifiers.test.ts). */
const CVR = '62761113';

let database: Database;
let app: App;
const c: Record<'admin' | 'contact' | 'lead' | 'coordinator', SignedInClient> = {} as never;
let hospitalId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0163', 'Herlev');
  await aMunicipality(db, '0580', 'Aabenraa', false);
  hospitalId = await anOrganisation(db, { kind: 'hospital', name: 'Herlev og Gentofte Hospital', municipalityCode: '0163' });
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  c.admin = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] }));
  c.contact = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] }));
  c.lead = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] }));
  c.coordinator = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Who = keyof typeof c;
const post = (who: Who, url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, headers: c[who].headers, ...(payload !== undefined && { payload: payload as Record<string, unknown> }) });
const put = (who: Who, id: string, payload: unknown) => app.inject({ method: 'PUT', url: `/api/organisations/${id}`, headers: c[who].headers, payload: payload as Record<string, unknown> });
const get = (who: Who, url: string) => app.inject({ method: 'GET', url, headers: c[who].headers });
const audits = (action: string) => database.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();
const fieldsOf = (body: string) => (JSON.parse(body) as { error: { fields: { field: string; code: string; params?: Record<string, string> }[] } }).error.fields;
const codesOf = (body: string) => fieldsOf(body).map((f) => `${f.field}:${f.code}`);

const rehabUnit = { kind: 'municipal_unit', name: 'Kræftrehabilitering Gladsaxe', municipalityCode: '0159', ...AABENRAA, address: 'Rådhus Allé 7, 2860 Søborg', phone: '39 57 50 00' };

describe('organisations: who may change them', () => {
  it('refuses a contact person, a municipal lead and a coordinator (403), audited; nothing is written', async () => {
    for (const who of ['contact', 'lead', 'coordinator'] as const) {
      const res = await post(who, '/api/organisations', rehabUnit);
      expect(res.statusCode, who).toBe(403);
    }
    expect(await database.db.selectFrom('organisation').select('id').where('sor_code', '=', AABENRAA.sorCode).execute()).toEqual([]);
    const denied = await audits('organisation.create');
    expect(denied.map((a) => a.outcome)).toEqual(['denied', 'denied', 'denied']);
    expect(denied[0]?.detail).toEqual({ reason: 'not_administrator' });
  });

  it('lets an administrator add a municipal unit with SOR code and GLN, audited with its values', async () => {
    const res = await post('admin', '/api/organisations', rehabUnit);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<OrganisationDetail>();
    expect(created).toMatchObject({ kind: 'municipal_unit', name: 'Kræftrehabilitering Gladsaxe', ...AABENRAA, municipality: { code: '0159', name: 'Gladsaxe' }, active: true, addressable: true, parent: null });
    const [event] = await audits('organisation.create').then((a) => a.filter((e) => e.outcome === 'allowed'));
    expect(event).toMatchObject({ entity_type: 'organisation', entity_id: created.id, citizen_id: null });
    expect(event?.detail).toMatchObject({ to: { kind: 'municipal_unit', sorCode: AABENRAA.sorCode, gln: AABENRAA.gln, municipalityCode: '0159', active: true } });
  });

  it('lets every staff member read the register and one organisation, and refuses their changes to it', async () => {
    const page = await get('contact', '/api/organisations/register?kind=municipal_unit');
    expect(page.statusCode, page.body).toBe(200);
    const unit = page.json<OrganisationRegisterPage>().items[0];
    expect(unit?.name).toBe('Kræftrehabilitering Gladsaxe');
    expect((await get('lead', `/api/organisations/${unit?.id}`)).json()).toMatchObject({ ...AABENRAA });
    expect((await put('lead', unit?.id ?? '', { ...rehabUnit, phone: null })).statusCode).toBe(403);
    expect((await post('contact', `/api/organisations/${unit?.id}/deactivate`)).statusCode).toBe(403);
    expect((await audits('organisation.deactivate')).map((a) => a.outcome)).toEqual(['denied']);
  });
});

describe('organisations: bad input is named', () => {
  it('refuses a GLN whose GS1 check digit is wrong, naming gln, and writes nothing', async () => {
    const res = await post('admin', '/api/organisations', { kind: 'gp_clinic', name: 'Arden Lægehus', sorCode: ARDEN.sorCode, gln: '5790001387418' });
    expect(res.statusCode).toBe(400);
    expect(codesOf(res.body)).toEqual(['gln:gln_check_digit']);
    expect(await database.db.selectFrom('organisation').select('id').where('sor_code', '=', ARDEN.sorCode).execute()).toEqual([]);
  });

  it('refuses a CVR number failing modulus 11, and the shapes of a GLN, SOR code and CVR in the schema', async () => {
    const cvr = await post('admin', '/api/organisations', { kind: 'gp_clinic', name: 'Arden Lægehus', cvr: '62761114' });
    expect(codesOf(cvr.body)).toEqual(['cvr:cvr_check_digit']);
    const shapes = await post('admin', '/api/organisations', { kind: 'gp_clinic', name: 'Arden Lægehus', sorCode: '4510000160', gln: '579000138741', cvr: '6276111' });
    expect(shapes.statusCode).toBe(400);
    expect(codesOf(shapes.body).sort()).toEqual(['cvr:cvr_format', 'gln:gln_format', 'sorCode:sor_format']);
  });

  it('names a missing name, an unknown field, a department without its hospital and an unknown municipality', async () => {
    expect(codesOf((await post('admin', '/api/organisations', { kind: 'gp_clinic', name: ' ' })).body)).toEqual(['name:required']);
    expect(codesOf((await post('admin', '/api/organisations', { kind: 'gp_clinic', name: 'X', ean: ARDEN.gln })).body)).toEqual(['ean:unknown_field']);
    expect(codesOf((await post('admin', '/api/organisations', { kind: 'hospital_department', name: 'Hjerteafdelingen' })).body)).toEqual(['parentId:required']);
    expect(codesOf((await post('admin', '/api/organisations', { kind: 'municipal_unit', name: 'Enhed', municipalityCode: '0411' })).body)).toEqual(['municipalityCode:unknown_municipality']);
    expect(codesOf((await post('admin', '/api/organisations', { kind: 'hospital', name: 'Hospital', ydernummer: '079741' })).body)).toEqual(['ydernummer:ydernummer_gp_only']);
  });
});

describe('organisations: one SOR code, one GLN', () => {
  it('refuses a SOR code or GLN another organisation has, naming that organisation', async () => {
    const res = await post('admin', '/api/organisations', { kind: 'gp_clinic', name: 'Lægehuset (igen)', ...AABENRAA });
    expect(res.statusCode).toBe(400);
    const fields = fieldsOf(res.body);
    expect(fields.map((f) => `${f.field}:${f.code}`)).toEqual(['sorCode:identifier_taken', 'gln:identifier_taken']);
    expect(fields[0]?.params).toEqual({ name: 'Kræftrehabilitering Gladsaxe' });
  });

  it('refuses a deactivated organisation’s GLN too, and keeps a concurrent double out by the unique index', async () => {
    const id = await anOrganisation(database.db, { kind: 'gp_clinic', name: 'Arden Lægehus (lukket)', ...ARDEN, active: false });
    const res = await post('admin', '/api/organisations', { kind: 'gp_clinic', name: 'Arden Lægehus', gln: ARDEN.gln });
    expect(codesOf(res.body)).toEqual(['gln:identifier_taken']);
    await expect(anOrganisation(database.db, { kind: 'other', name: 'Dublet', gln: ARDEN.gln })).rejects.toThrow();
    await expect(anOrganisation(database.db, { kind: 'other', name: 'Dublet', sorCode: ARDEN.sorCode })).rejects.toThrow();
    await database.db.deleteFrom('organisation').where('id', '=', id).execute();
  });

  it('has the database refuse a SOR code under 11 digits and a CVR number not of 8 digits (migration 0023)', async () => {
    await expect(database.db.insertInto('organisation').values({ kind: 'other', name: 'Kort SOR', sor_code: '4510000160' }).execute()).rejects.toThrow(/organisation_sor_code_digits_check/);
    await expect(database.db.insertInto('organisation').values({ kind: 'other', name: 'Kort CVR', cvr: '6276111' }).execute()).rejects.toThrow(/organisation_cvr_check/);
  });
});

describe('organisations: changed, deactivated, audited', () => {
  it('adds a hospital department under its hospital, and changes it with the old and new values audited', async () => {
    const res = await post('admin', '/api/organisations', { kind: 'hospital_department', name: 'Hjerteafdelingen', parentId: hospitalId, municipalityCode: '0163', ...HEART });
    expect(res.statusCode, res.body).toBe(201);
    const dept = res.json<OrganisationDetail>();
    expect(dept.parent).toEqual({ id: hospitalId, name: 'Herlev og Gentofte Hospital' });

    const changed = await put('admin', dept.id, { kind: 'hospital_department', name: 'Hjerteafdelingen på Herlev og Gentofte hospital', parentId: hospitalId, municipalityCode: '0163', ...HEART, cvr: CVR });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Hjerteafdelingen på Herlev og Gentofte hospital', cvr: CVR, ...HEART });
    const [event] = (await audits('organisation.update')).filter((a) => a.outcome === 'allowed');
    expect(event?.detail).toEqual({ name: { from: 'Hjerteafdelingen', to: 'Hjerteafdelingen på Herlev og Gentofte hospital' }, cvr: { from: null, to: CVR } });

    // Its own GLN is not "another organisation's".
    expect((await put('admin', dept.id, { kind: 'hospital_department', name: 'Hjerteafdelingen', parentId: hospitalId, ...HEART })).statusCode).toBe(200);
    // The hospital with a department stays a hospital.
    expect(codesOf((await put('admin', hospitalId, { kind: 'other', name: 'Herlev og Gentofte Hospital' })).body)).toEqual(['kind:has_departments']);
  });

  it('deactivates: the organisation leaves the pickers but stays in the register, audited', async () => {
    const [dept] = (await get('admin', '/api/organisations/register?kind=hospital_department')).json<OrganisationRegisterPage>().items;
    const res = await post('admin', `/api/organisations/${dept?.id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    expect((await audits('organisation.deactivate')).filter((a) => a.outcome === 'allowed').map((a) => a.detail)).toEqual([{ active: { from: true, to: false } }]);
    const picker = (await get('contact', '/api/organisations?kind=hospital_department')).json<unknown[]>();
    expect(picker).toEqual([]);
    expect((await get('admin', '/api/organisations/register?kind=hospital_department')).json<OrganisationRegisterPage>().total).toBe(0);
    const inactive = (await get('admin', '/api/organisations/register?kind=hospital_department&status=inactive')).json<OrganisationRegisterPage>();
    expect(inactive.items.map((o) => o.name)).toEqual(['Hjerteafdelingen']);
    // No department is added under a deactivated hospital.
    await post('admin', `/api/organisations/${hospitalId}/deactivate`);
    expect(codesOf((await post('admin', '/api/organisations', { kind: 'hospital_department', name: 'Ny afdeling', parentId: hospitalId })).body)).toEqual(['parentId:parent_not_hospital']);
    expect((await post('admin', `/api/organisations/${hospitalId}/activate`)).json()).toMatchObject({ active: true });
  });
});

describe('organisations: found by SOR code and GLN', () => {
  it('searches the register by name, SOR code, GLN and municipality, paged with the total', async () => {
    await anOrganisation(database.db, { kind: 'gp_clinic', name: 'Arden Lægehus', ...ARDEN, ydernummer: '079741', municipalityCode: '0159' });
    const q = async (query: string) => (await get('contact', `/api/organisations/register?${query}`)).json<OrganisationRegisterPage>().items.map((o) => o.name);
    expect(await q(`q=${ARDEN.gln}`)).toEqual(['Arden Lægehus']);
    expect(await q('q=3304610')).toEqual(['Kræftrehabilitering Gladsaxe']);
    expect(await q('q=0797')).toEqual(['Arden Lægehus']);
    expect(await q('q=lægehus')).toEqual(['Arden Lægehus']);
    expect(await q('municipalityCode=159')).toEqual(['Arden Lægehus', 'Kræftrehabilitering Gladsaxe']);
    const page = (await get('contact', '/api/organisations/register?status=all&limit=1&offset=1')).json<OrganisationRegisterPage>();
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 1 });
    expect(page.items).toHaveLength(1);
    expect((await get('contact', '/api/organisations?q=5790001387')).json()).toEqual([
      { id: expect.any(String), kind: 'gp_clinic', name: 'Arden Lægehus', parentName: null, ydernummer: '079741', sorCode: ARDEN.sorCode, address: null, addressable: true },
    ]);
  });

  it('looks one up by SOR code or GLN (route), and names a query with neither', async () => {
    expect((await get('contact', `/api/organisations/lookup?gln=${AABENRAA.gln}`)).json()).toMatchObject({ name: 'Kræftrehabilitering Gladsaxe', ...AABENRAA });
    expect((await get('contact', `/api/organisations/lookup?sor=${ARDEN.sorCode}`)).json()).toMatchObject({ name: 'Arden Lægehus' });
    expect((await get('contact', '/api/organisations/lookup?gln=5790000121526')).statusCode).toBe(404);
    expect((await get('contact', '/api/organisations/lookup')).statusCode).toBe(400);
    expect(codesOf((await get('contact', '/api/organisations/lookup?gln=5790001353')).body)).toEqual(['query.gln:gln_format']);
  });

  it('gives the messaging module the organisation of a SOR code or GLN (either GS1 system), and a member’s sending unit', async () => {
    const db = database.db;
    expect((await findOrganisationBySorIn(db, AABENRAA.sorCode))?.name).toBe('Kræftrehabilitering Gladsaxe');
    expect((await findOrganisationByGlnIn(db, AABENRAA.gln))?.name).toBe('Kræftrehabilitering Gladsaxe');
    for (const system of ['https://www.gs1.org/gln', 'http://www.gs1.org/gln']) {
      expect((await findOrganisationByIdentifierIn(db, { system, value: ARDEN.gln }))?.name, system).toBe('Arden Lægehus');
    }
    expect((await findOrganisationByIdentifierIn(db, { system: 'urn:oid:1.2.208.176.1.1', value: HEART.sorCode }))?.name).toBe('Hjerteafdelingen');
    expect(await findOrganisationByIdentifierIn(db, { system: 'http://cvr.dk', value: CVR })).toBeUndefined();
    expect(await messagingUnitOfIn(db, '0159')).toMatchObject({ name: 'Kræftrehabilitering Gladsaxe', addressable: true });
    // Herlev's unit has no GLN: it cannot send electronically.
    await anOrganisation(db, { kind: 'municipal_unit', name: 'Kræftrehabilitering Herlev', municipalityCode: '0163' });
    expect(await messagingUnitOfIn(db, '0163')).toBeUndefined();
  });
});
