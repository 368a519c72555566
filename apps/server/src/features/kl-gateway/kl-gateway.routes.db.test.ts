import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { unzip } from '../../test-support/unzip.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import type { KlBundle } from './kl-fhir.ts';
import { loadKlInvariants } from './kl-invariants.ts';

/*
 * The KL Gateway routes on PGlite and PostgreSQL: the mapping (administrators), the SOR codes
 * (administrators, the municipality's leads), the export (the municipality's administrators and
 * leads: a ZIP of delivery reports, who was left out and why, the delivery log, the audit).
 * Citizens are official test persons (refdata/cpr), the eCPR one included.
 */

const GLADSAXE = '0159';
const BALLERUP = '0151';
const CPR = { bruno: '2509479989', ecpr: '0706830VJ9', ruddi: '1502779995', schwendlund: '0108589995' } as const;
const SOR = { gladsaxe: '451000016003', gladsaxeUnit: '1037791000016002', ballerup: '1037801000016003', gp: '1071391000016009', ward: '227871000016001' } as const;

let database: Database;
let db: Db;
let app: App;
const c: Record<string, SignedInClient> = {};
const ids: Record<string, string> = {};

async function citizenWithReferral(o: { cpr: string; basis: 'SUL119' | 'SUL140'; source: 'gp' | 'hospital_gop'; organisationId: string | null; dischargedOn?: string; receivedOn?: string }) {
  const receivedOn = o.receivedOn ?? '2026-11-02';
  const citizen = await db
    .insertInto('citizen')
    .values({ cpr: o.cpr, is_synthetic: false, given_name: 'Test', family_name: 'Testesen', sex: 'M', birth_date: '1947-09-25', home_municipality_code: GLADSAXE })
    .returning('id')
    .executeTakeFirstOrThrow();
  const referral = await db
    .insertInto('referral')
    .values({
      citizen_id: citizen.id,
      home_municipality_code: GLADSAXE,
      received_on: receivedOn,
      source: o.source,
      legal_basis: o.basis,
      referring_organisation_id: o.organisationId,
      diagnosis_code: 'DC61',
      discharged_on: o.dischargedOn ?? null,
      origin: 'api',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = await db.insertInto('course').values({ referral_id: referral.id, opened_on: receivedOn }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('course_contact').values({ course_id: course.id, contacted_on: '2026-11-03', channel: 'phone', reached: true, agreed_assessment_at: new Date('2026-11-06T09:00:00Z') }).execute();
  const na = await db.insertInto('needs_assessment').values({ course_id: course.id, occasion: 'initial', assessed_on: '2026-11-06' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('needs_assessment_problem').values([{ needs_assessment_id: na.id, item_code: 'physical.function' }, { needs_assessment_id: na.id, item_code: 'physical.eating' }]).execute();
  return { citizenId: citizen.id, referralId: referral.id, courseId: course.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedReferenceData(db);
  ids.admin = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['administrator'] });
  ids.lead = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['municipal_lead'] });
  ids.ballerupLead = await aStaffUser(db, { municipalityCode: BALLERUP, roles: ['municipal_lead'] });
  ids.contact = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['contact_person'] });
  const gp = await db.insertInto('organisation').values({ kind: 'gp_clinic', name: 'Lægehuset', sor_code: SOR.gp }).returning('id').executeTakeFirstOrThrow();
  const hospital = await db.insertInto('organisation').values({ kind: 'hospital', name: 'Hospitalet' }).returning('id').executeTakeFirstOrThrow();
  const ward = await db.insertInto('organisation').values({ kind: 'hospital_department', name: 'Ortopædkirurgisk afdeling', parent_id: hospital.id, sor_code: SOR.ward }).returning('id').executeTakeFirstOrThrow();

  // §119: Bruno, referred by his GP, on a team in Ballerup with one session attended; an eCPR citizen beside him.
  const bruno = await citizenWithReferral({ cpr: CPR.bruno, basis: 'SUL119', source: 'gp', organisationId: gp.id });
  ids.bruno = bruno.citizenId;
  const offering = await db.insertInto('offering').values({ intervention_code: 'mixed_training', host_municipality_code: BALLERUP, place_name: 'Træningscenter', capacity: 12, valid_from: '2017-10-01' }).returning('id').executeTakeFirstOrThrow();
  const xref = await db
    .insertInto('cross_referral')
    .values({ course_id: bruno.courseId, kind: 'cross_municipal', intervention_code: 'mixed_training', offering_id: offering.id, provider_municipality_code: BALLERUP, consent_on: '2026-11-09', received_on: '2026-11-09', started_on: '2026-11-16', provider_decision: 'accepted', shared_snapshot: JSON.stringify({ plan: 'shared part' }), sent_at: new Date('2026-11-09T09:00:00Z') })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db.insertInto('team').values({ offering_id: offering.id, name: 'Hold', mode: 'rolling', capacity: 12, session_quota: 29, starts_on: '2026-09-01' }).returning('id').executeTakeFirstOrThrow();
  const sessions = await db
    .insertInto('team_session')
    .values([
      { team_id: team.id, starts_at: new Date('2026-11-16T09:00:00Z'), duration_minutes: 60 },
      { team_id: team.id, starts_at: new Date('2026-11-19T09:00:00Z'), duration_minutes: 60 },
    ])
    .returning('id')
    .execute();
  const enrolment = await db.insertInto('enrolment').values({ cross_referral_id: xref.id, team_id: team.id, status: 'enrolled', quota: 29, start_on: '2026-11-16' }).returning('id').executeTakeFirstOrThrow();
  ids.enrolment = enrolment.id;
  ids.team = team.id;
  ids.secondSession = sessions[1]?.id ?? '';
  await db.insertInto('attendance').values({ team_session_id: sessions[0]?.id ?? '', enrolment_id: enrolment.id, team_id: team.id, status: 'attended' }).execute();
  ids.ecpr = (await citizenWithReferral({ cpr: CPR.ecpr, basis: 'SUL119', source: 'gp', organisationId: null })).citizenId;

  // §140: one GGOP without a discharge date, one with.
  ids.ruddi = (await citizenWithReferral({ cpr: CPR.ruddi, basis: 'SUL140', source: 'hospital_gop', organisationId: ward.id })).citizenId;
  ids.schwendlund = (await citizenWithReferral({ cpr: CPR.schwendlund, basis: 'SUL140', source: 'hospital_gop', organisationId: ward.id, dischargedOn: '2026-11-01' })).citizenId;

  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  for (const who of ['admin', 'lead', 'ballerupLead', 'contact']) c[who] = await signIn(app, ids[who] ?? '');
});

afterAll(async () => {
  await app?.close();
  await database.close();
});

const put = (who: string, url: string, payload: Record<string, unknown>) => app.inject({ method: 'PUT', url, headers: c[who]?.headers ?? {}, payload });
const exportAs = (who: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/kl-gateway/exports', headers: c[who]?.headers ?? {}, payload });
const outcomes = async (action: string) => (await db.selectFrom('audit_event').select('outcome').where('action', '=', action).orderBy('id').execute()).map((e) => e.outcome);
const period = { municipality: GLADSAXE, from: '2026-11-01', to: '2026-11-20' };
type Overview = { reported: number; unchanged: number; leftOut: { citizenId: string; reason: string }[]; files: { name: string; citizenId: string }[]; unmappedInterventions: string[] };
const readZip = (body: Buffer) => {
  const files = unzip(new Uint8Array(body));
  const overview = JSON.parse(files.get('oversigt.json')?.toString('utf8') ?? '{}') as Overview;
  const bundles = [...files.entries()].filter(([n]) => n !== 'oversigt.json').map(([, b]) => JSON.parse(b.toString('utf8')) as KlBundle);
  return { overview, bundles };
};

describe('the mapping', () => {
  it('is read by any staff member, with the first codes the reference data proposes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/kl-gateway/mapping', headers: c.contact?.headers ?? {} });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ interventions: { code: string; fsiii: Record<string, string | null> }[]; municipalities: { code: string; custodianSor: string | null }[] }>();
    expect(body.interventions.find((i) => i.code === 'mixed_training')?.fsiii).toEqual({ SUL140: '2abe20c7-c0b4-41c1-b397-52acf36499ef', SUL119: 'ab87c0b5-40be-4e0a-b749-d9f833bfed2d' });
    expect(body.municipalities).toHaveLength(9);
  });

  it('is changed by administrators only; the refusal is audited', async () => {
    const res = await put('contact', '/api/kl-gateway/interventions/diet', { SUL140: null, SUL119: null });
    expect(res.statusCode).toBe(403);
    expect(await outcomes('kl_gateway.mapping.intervention')).toEqual(['denied']);
  });

  it.each([
    ['a code of another list', { SUL140: 'c9a99304-1788-43b7-b7be-e187b092ae9c', SUL119: null }, 'SUL140'],
    ['the assessment (no forløb allowed)', { SUL140: '1130ad70-6553-490d-87f8-5e8941687a0c', SUL119: null }, 'SUL140'],
    ['the closing conversation', { SUL140: null, SUL119: '03a3ebdb-9e2d-4be1-b32b-42f0bd2a3362' }, 'SUL119'],
  ])('refuses %s, naming the basis', async (_, payload, field) => {
    const res = await put('admin', '/api/kl-gateway/interventions/diet', payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ field, code: 'invalid_value' })]);
  });

  it('sets an intervention’s codes, audited with the old and new code; a re-seed keeps them', async () => {
    expect((await put('admin', '/api/kl-gateway/interventions/nonexistent', { SUL140: null, SUL119: null })).statusCode).toBe(404);
    const res = await put('admin', '/api/kl-gateway/interventions/diet', { SUL140: null, SUL119: 'cf7a55c2-7061-47ed-b7c5-e29620fe93bf' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'diet', fsiii: { SUL140: null, SUL119: 'cf7a55c2-7061-47ed-b7c5-e29620fe93bf' } });
    const event = await db.selectFrom('audit_event').select('detail').where('action', '=', 'kl_gateway.mapping.intervention').where('outcome', '=', 'allowed').executeTakeFirstOrThrow();
    expect(event.detail).toEqual({ SUL119: { from: 'c9a99304-1788-43b7-b7be-e187b092ae9c', to: 'cf7a55c2-7061-47ed-b7c5-e29620fe93bf' } });
    await seedReferenceData(db);
    const row = await db.selectFrom('kl_gateway_intervention_code').select('fsiii_code').where('intervention_code', '=', 'diet').where('legal_basis', '=', 'SUL119').executeTakeFirstOrThrow();
    expect(row.fsiii_code).toBe('cf7a55c2-7061-47ed-b7c5-e29620fe93bf');
  });

  it('sets an assessment item’s conditions from the basis’ own list', async () => {
    expect((await put('admin', '/api/kl-gateway/assessment-items/physical.sleep', { SUL140: 'cb55874a-93d9-45c7-a25a-8ff677c24385', SUL119: null })).json().error.fields[0]).toMatchObject({ field: 'SUL140', code: 'invalid_value' });
    const res = await put('admin', '/api/kl-gateway/assessment-items/physical.sleep', { SUL140: null, SUL119: 'cb55874a-93d9-45c7-a25a-8ff677c24385' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'physical.sleep', fsiii: { SUL119: 'cb55874a-93d9-45c7-a25a-8ff677c24385' } });
  });
});

describe('the municipalities’ SOR codes', () => {
  it('are set by the municipality’s own leads and by administrators', async () => {
    expect((await put('ballerupLead', `/api/kl-gateway/municipalities/${GLADSAXE}`, { custodianSor: SOR.gladsaxe, unitSor: null })).statusCode).toBe(403);
    expect((await put('contact', `/api/kl-gateway/municipalities/${GLADSAXE}`, { custodianSor: SOR.gladsaxe, unitSor: null })).statusCode).toBe(403);
    expect(await outcomes('kl_gateway.municipality')).toEqual(['denied', 'denied']);
    const bad = await put('lead', `/api/kl-gateway/municipalities/${GLADSAXE}`, { custodianSor: '4510', unitSor: null });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'custodianSor', code: 'sor_format' });
    expect((await put('admin', '/api/kl-gateway/municipalities/0999', { custodianSor: SOR.gladsaxe, unitSor: null })).statusCode).toBe(404);
  });
});

describe('the export', () => {
  it('needs the municipality’s SOR code first', async () => {
    const res = await exportAs('lead', { ...period, legalBasis: 'SUL119' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'municipality', code: 'sor_required' });
    expect((await put('lead', `/api/kl-gateway/municipalities/${GLADSAXE}`, { custodianSor: SOR.gladsaxe, unitSor: SOR.gladsaxeUnit })).statusCode).toBe(200);
  });

  it('is refused to others than the municipality’s administrators and leads, audited', async () => {
    expect((await exportAs('contact', { ...period, legalBasis: 'SUL119' })).statusCode).toBe(403);
    expect((await exportAs('ballerupLead', { ...period, legalBasis: 'SUL119' })).statusCode).toBe(403);
    expect(await outcomes('kl_gateway.export')).toEqual(['denied', 'denied']);
  });

  it.each([
    [{ from: '2026-11-20', to: '2026-11-01' }, 'to', 'before_start'],
    [{ from: '2026-11-01', to: '2026-11-30' }, 'to', 'future_date'],
    [{ from: '2025-01-01', to: '2026-11-20' }, 'to', 'range_too_long'],
    [{ to: '2026-02-30' }, 'to', 'invalid_date'],
    [{ legalBasis: 'SEL86-1' }, 'legalBasis', 'invalid_value'],
  ])('names the bad period or basis %j', async (over, field, code) => {
    const res = await exportAs('lead', { ...period, legalBasis: 'SUL119', ...over });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field, code });
  });

  it('a provider without a SOR code leaves its citizens out, saying why', async () => {
    const res = await exportAs('admin', { ...period, legalBasis: 'SUL119' });
    expect(res.statusCode, res.body).toBe(200);
    const { overview } = readZip(res.rawPayload);
    expect(overview.leftOut).toEqual(expect.arrayContaining([expect.objectContaining({ citizenId: ids.bruno, reason: 'provider_without_sor' })]));
    expect(await db.selectFrom('kl_gateway_delivered_resource').select('resource_id').execute()).toEqual([]);
    expect((await put('admin', `/api/kl-gateway/municipalities/${BALLERUP}`, { custodianSor: '1037801000016003', unitSor: null })).statusCode).toBe(200);
  });

  it('§119: a ZIP of one delivery report per citizen, valid base R4 and KL; the eCPR citizen left out; no CPR outside the reports', async () => {
    const res = await exportAs('lead', { ...period, legalBasis: 'SUL119', mode: 'full' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kl-gateway-119-${GLADSAXE}-2026-11-01-2026-11-20.zip"`);
    const { overview, bundles } = readZip(res.rawPayload);
    expect(overview).toMatchObject({ reported: 1, unchanged: 0, leftOut: [{ citizenId: ids.ecpr, reason: 'replacement_cpr' }] });
    expect(overview.files.map((f) => f.citizenId)).toEqual([ids.bruno]);
    const [bundle] = bundles;
    expect(bundle?.entry[0]?.resource).toMatchObject({ resourceType: 'Patient', identifier: [{ value: CPR.bruno }], managingOrganization: { identifier: { value: SOR.gladsaxe } } });
    expect(await validateBaseR4(bundle ?? {})).toEqual([]);
    expect((await loadKlInvariants())(bundle ?? { resourceType: 'Bundle', id: '' })).toEqual([]);
    expect(JSON.stringify(overview)).not.toContain(CPR.bruno);
    // Every citizen read is audited with the export; no CPR number in the audit log.
    const events = await db.selectFrom('audit_event').select(['citizen_id', 'purpose', 'detail']).where('action', '=', 'kl_gateway.export').where('outcome', '=', 'allowed').where('entity_id', '=', res.headers['x-kl-export-id'] as string).execute();
    expect(events.map((e) => e.citizen_id).sort()).toEqual([ids.bruno, ids.ecpr, null].sort());
    expect(events.every((e) => e.purpose === 'kl_gateway_SUL119')).toBe(true);
    const log = await sql<{ n: number }>`select count(*)::int as n from audit_event where detail::text like ${`%${CPR.bruno}%`} or detail::text like ${`%${CPR.ecpr}%`}`.execute(db);
    expect(log.rows[0]?.n).toBe(0);
  }, 60_000);

  it('incremental: nothing new is nothing sent; a session attended since is sent with what it refers to', async () => {
    const same = readZip((await exportAs('lead', { ...period, legalBasis: 'SUL119' })).rawPayload).overview;
    expect(same).toMatchObject({ reported: 0, unchanged: 1 });
    await db.insertInto('attendance').values({ team_session_id: ids.secondSession ?? '', enrolment_id: ids.enrolment ?? '', team_id: ids.team ?? '', status: 'attended' }).execute();
    const res = await exportAs('lead', { ...period, to: '2026-11-21', legalBasis: 'SUL119' });
    const { overview, bundles } = readZip(res.rawPayload);
    expect(overview).toMatchObject({ reported: 1, unchanged: 0 });
    const types = (bundles[0]?.entry ?? []).map((e) => e.resource.meta.profile[0].split('klgateway-119-')[1]);
    expect(types).toEqual(['citizen', 'organization', 'care-plan', 'encounter']);
  });

  it('incremental may not end before the last delivery; full may', async () => {
    const res = await exportAs('lead', { ...period, to: '2026-11-19', legalBasis: 'SUL119' });
    expect(res.json().error.fields[0]).toMatchObject({ field: 'to', code: 'before_last_export', params: { lastTo: '2026-11-21' } });
  });

  it('withdraws what Samkraft no longer has: a corrected assessment sends its condition once more, as entered-in-error', async () => {
    await sql`delete from needs_assessment_problem p using needs_assessment na, course c, referral r
      where p.needs_assessment_id = na.id and na.course_id = c.id and c.referral_id = r.id and r.citizen_id = ${ids.bruno} and p.item_code = 'physical.eating'`.execute(db);
    const { overview, bundles } = readZip((await exportAs('lead', { ...period, to: '2026-11-21', legalBasis: 'SUL119' })).rawPayload);
    expect(overview).toMatchObject({ reported: 1 });
    const conditions = (bundles[0]?.entry ?? []).map((e) => e.resource).filter((r) => r.resourceType === 'Condition');
    expect(conditions).toEqual([expect.objectContaining({ code: { coding: [expect.objectContaining({ display: 'Ernæring' })] }, verificationStatus: { coding: [expect.objectContaining({ code: 'entered-in-error' })] } })]);
    expect(await validateBaseR4(bundles[0] ?? {})).toEqual([]);
    expect(readZip((await exportAs('lead', { ...period, to: '2026-11-21', legalBasis: 'SUL119' })).rawPayload).overview).toMatchObject({ reported: 0 });
  });

  it('§140: a GGOP without a discharge date leaves the citizen out, saying why', async () => {
    const res = await exportAs('lead', { ...period, legalBasis: 'SUL140' });
    const { overview, bundles } = readZip(res.rawPayload);
    expect(overview.leftOut).toEqual([expect.objectContaining({ citizenId: ids.ruddi, reason: 'missing_discharge_date' })]);
    expect(overview.files.map((f) => f.citizenId)).toEqual([ids.schwendlund]);
    expect(await validateBaseR4(bundles[0] ?? {})).toEqual([]);
    expect((await loadKlInvariants())(bundles[0] ?? { resourceType: 'Bundle', id: '' })).toEqual([]);
  });

  it('lists the municipality’s exports to its administrators and leads, newest first', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/kl-gateway/exports', headers: c.lead?.headers ?? {} });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<{ exports: { legalBasis: string; mode: string; reported: number; leftOut: { reason: string }[] }[] }>().exports;
    expect(list.map((e) => `${e.legalBasis} ${e.mode} ${e.reported}`)).toEqual(['SUL140 incremental 1', 'SUL119 incremental 0', 'SUL119 incremental 1', 'SUL119 incremental 1', 'SUL119 incremental 0', 'SUL119 full 1', 'SUL119 incremental 0']);
    expect((await app.inject({ method: 'GET', url: `/api/kl-gateway/exports?municipality=${GLADSAXE}`, headers: c.ballerupLead?.headers ?? {} })).statusCode).toBe(403);
  });
});
