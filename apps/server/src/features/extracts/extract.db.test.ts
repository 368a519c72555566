import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractImportResult } from '@samkraft/contracts/extracts';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, anOffering, aReferralWithCourse, aStaffUser, aTeamWithSession } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { sortInterventions } from './extract-format.rules.ts';
import { EXTRACT_CLI_ACTOR } from './extract.cli.ts';
import { selectStoredReferrals } from './extract.repository.ts';
import { exportExtract, importExtract } from './extract.service.ts';

const goodDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test-support/extract-fixtures', 'good');
const file = (name: string, as = name) => ({ name: as, contentBase64: fs.readFileSync(path.join(goodDir, name)).toString('base64') });
const csvPair = { files: [file('referrals.csv'), file('interventions.csv')] };

let database: Database;
let fresh: Database;
let app: App;
let admin: SignedInClient;
let lead: SignedInClient;
let adminId: string;
let uiReferralId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fresh = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedReferenceData(fresh.db);
  const db = database.db;
  adminId = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  const leadId = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead', 'contact_person'] });
  // A record made in Samkraft: a referral with a contact, and a cross-municipal intervention with one session attended.
  const citizenId = await aCitizen(db, { homeMunicipalityCode: '0159', sex: 'M', birthDate: '1955-08-09' });
  const made = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: '0159', receivedOn: '2026-11-02', contactPersonId: leadId });
  uiReferralId = made.referralId;
  await db.insertInto('course_contact').values({ course_id: made.courseId, contacted_on: '2026-11-03', channel: 'phone', reached: true }).execute();
  const offeringId = await anOffering(db, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0151' });
  const crossId = await aCrossReferral(db, { courseId: made.courseId, offeringId, interventionCode: 'puls_styrke', providerMunicipalityCode: '0151', receivedOn: '2026-11-10' });
  const { teamId, sessionId } = await aTeamWithSession(db, { offeringId });
  const enrolment = await db.insertInto('enrolment').values({ team_id: teamId, cross_referral_id: crossId, status: 'enrolled', start_on: '2026-11-03', quota: 29 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('attendance').values({ team_session_id: sessionId, enrolment_id: enrolment.id, team_id: teamId, status: 'attended' }).execute();
  app = await createTestApp(database); // today is 2026-11-22
  admin = await signIn(app, adminId);
  lead = await signIn(app, leadId);
});
afterAll(async () => {
  await app.close();
  await database.close();
  await fresh.close();
});

const PURPOSE = encodeURIComponent('Kontrol af halvårets tal');
const exportUrl = (query: string, scope: 'municipality' | 'collaboration' = 'municipality') => `/api/extracts/export?${query}&scope=${scope}&purpose=${PURPOSE}`;

const importPair = async (payload: { files: { name: string; contentBase64: string }[] }) => {
  const res = await app.inject({ method: 'POST', url: '/api/extracts/import', headers: admin.headers, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ExtractImportResult>();
};
const changeEvents = async () => (await listAuditEvents(database.db, { actorUserId: adminId, limit: 1000 })).filter((e) => e.action === 'extract.import' && e.citizenId !== null);
const records = async (db: Database) =>
  (await selectStoredReferrals(db.db)).map((s) => ({ ...s.record, interventions: sortInterventions(s.record.interventions) })).sort((a, b) => (a.referralId < b.referralId ? -1 : 1));

describe('extract import', () => {
  it('refuses anyone but an administrator, and audits the refusal', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extracts/import', headers: lead.headers, payload: csvPair });
    expect(res.statusCode).toBe(403);
    // A municipal lead answers for the own municipality's records, not for the collaboration's.
    const exp = await app.inject({ method: 'GET', url: `/api/extracts/export?format=xlsx&scope=collaboration&purpose=${PURPOSE}`, headers: lead.headers });
    expect(exp.statusCode).toBe(403);
    const denied = await database.db.selectFrom('audit_event').select(['action', 'outcome']).where('outcome', '=', 'denied').where('action', 'like', 'extract.%').execute();
    expect(denied.map((d) => d.action).sort()).toEqual(['extract.export', 'extract.import']);
  });

  it('stores each referral with its step dates and interventions, marked imported', async () => {
    const body = await importPair(csvPair);
    expect(body).toMatchObject({ outcome: 'imported', format: 'csv', referralRows: 3, interventionRows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    const gla = (await records(database)).find((r) => r.referralId === 'GLA-1');
    expect(gla).toEqual({
      referralId: 'GLA-1',
      homeMunicipality: '0159',
      citizen: { kind: 'pseudonym', value: 'P-EXT-0001' },
      sex: 'F',
      birthDate: '1961-03-04',
      received: '2025-01-06',
      source: 'gp',
      legalBasis: 'SUL119',
      diagnosis: 'DC50',
      firstContact: '2025-01-08',
      needsAssessed: '2025-01-15',
      actionPlan: '2025-01-20',
      declined: null,
      declineReason: null,
      closingConversation: '2025-06-02',
      closingNoteSent: '2025-06-04',
      interventions: expect.arrayContaining([
        { intervention: 'breast_training', providerMunicipality: '0151', referred: '2025-01-21', providerContact: '2025-01-23', deeperAssessment: '2025-01-28', start: '2025-02-03', end: '2025-05-26', attendances: 14, endReason: 'completed' },
        { intervention: 'diet', providerMunicipality: '0159', referred: '2025-01-20', providerContact: null, deeperAssessment: null, start: '2025-02-01', end: null, attendances: null, endReason: null },
      ]),
    });
    const lonni = await database.db.selectFrom('citizen').select(['cpr', 'sex', 'birth_date', 'is_synthetic']).where('cpr', '=', '0201609996').executeTakeFirstOrThrow();
    expect(lonni).toEqual({ cpr: '0201609996', sex: 'F', birth_date: '1960-01-02', is_synthetic: false });
    const origins = await database.db.selectFrom('referral').select('origin').where('external_id', 'in', ['GLA-1', 'BAL-Æ2', 'EGE-3']).execute();
    expect(origins.map((o) => o.origin)).toEqual(['import', 'import', 'import']);
    const kinds = await database.db.selectFrom('cross_referral').select(['kind', 'origin']).where('origin', '=', 'import').orderBy('kind').execute();
    expect(kinds).toEqual([{ kind: 'cross_municipal', origin: 'import' }, { kind: 'cross_municipal', origin: 'import' }, { kind: 'home', origin: 'import' }]);
    expect((await changeEvents()).length).toBe(3);
    const batch = await database.db.selectFrom('extract_import').selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ referral_rows: 3, intervention_rows: 3, created_count: 3, updated_count: 0, unchanged_count: 0, format: 'csv', actor_user_id: adminId });
  });

  it('changes nothing on a second import of the same extract — as CSV, as Windows-1252 with commas, or as XLSX', async () => {
    const before = await records(database);
    for (const payload of [csvPair, { files: [file('interventions-win1252-comma.csv'), file('referrals-win1252-comma.csv')] }, { files: [file('extract.xlsx')] }]) {
      expect(await importPair(payload)).toMatchObject({ outcome: 'imported', created: 0, updated: 0, unchanged: 3 });
    }
    expect(await records(database)).toEqual(before);
    expect((await changeEvents()).length).toBe(3);
  });

  it('updates a known referral_id whose row changed, and audits the changed fields', async () => {
    const text = fs.readFileSync(path.join(goodDir, 'referrals.csv'), 'utf8').replace('2025-01-08;2025-01-15', '2025-01-09;2025-01-15');
    const body = await importPair({ files: [{ name: 'referrals.csv', contentBase64: Buffer.from(text).toString('base64') }, file('interventions.csv')] });
    expect(body).toMatchObject({ outcome: 'imported', created: 0, updated: 1, unchanged: 2 });
    expect((await records(database)).find((r) => r.referralId === 'GLA-1')?.firstContact).toBe('2025-01-09');
    const events = await changeEvents();
    expect(events.length).toBe(4);
    expect(events.find((x) => (x.detail as { change?: string }).change === 'updated')?.detail).toEqual({
      change: 'updated',
      referralId: 'GLA-1',
      homeMunicipality: '0159',
      changes: { firstContact: { from: '2025-01-08', to: '2025-01-09' } },
    });
    expect(await importPair(csvPair)).toMatchObject({ updated: 1, unchanged: 2 });
  });

  it("refuses a sex that contradicts the CPR number, with row and column, and audits each change to a citizen with old and new value", async () => {
    const citizenEvents = async () => (await listAuditEvents(database.db, { actorUserId: adminId, limit: 1000 })).filter((e) => e.action.startsWith('citizen.'));
    expect((await citizenEvents()).filter((e) => e.action === 'citizen.create')).toHaveLength(3);
    const before = await records(database);
    const text = fs.readFileSync(path.join(goodDir, 'referrals.csv'), 'utf8');
    const contradicting = text.replace('BAL-Æ2;0151;020160-9996;F;', 'BAL-Æ2;0151;020160-9996;M;');
    const refusedBody = await importPair({ files: [{ name: 'referrals.csv', contentBase64: Buffer.from(contradicting).toString('base64') }, file('interventions.csv')] });
    expect(refusedBody.outcome).toBe('refused');
    expect(refusedBody.errors.map(({ file: f, row, column, reason }) => ({ file: f, row, column, reason }))).toEqual([{ file: 'referrals.csv', row: 3, column: 'sex', reason: 'sex_mismatch' }]);
    expect(await records(database)).toEqual(before);
    // A pseudonymised citizen's birth date corrected by the care system: changed, and audited.
    const corrected = text.replace('GLA-1;159;P-EXT-0001;F;1961-03-04;', 'GLA-1;159;P-EXT-0001;F;1961-03-05;');
    expect(await importPair({ files: [{ name: 'referrals.csv', contentBase64: Buffer.from(corrected).toString('base64') }, file('interventions.csv')] })).toMatchObject({ outcome: 'imported', updated: 1 });
    const update = (await citizenEvents()).find((e) => e.action === 'citizen.update');
    expect(update?.detail).toEqual({ source: 'extract.import', changes: { birthDate: { from: '1961-03-04', to: '1961-03-05' } } });
    expect(await importPair(csvPair)).toMatchObject({ updated: 1 });
    expect((await citizenEvents()).filter((e) => e.action === 'citizen.update')).toHaveLength(2);
  });
});

describe('0007: only imported rows may go without texts, offering or consent', () => {
  it('still refuses such rows made in Samkraft', async () => {
    const db = database.db;
    const course = await db.selectFrom('course').select('id').limit(1).executeTakeFirstOrThrow();
    const attempts = [
      () => db.insertInto('cross_referral').values({ course_id: course.id, kind: 'home', intervention_code: 'diet', provider_municipality_code: '0159', received_on: '2025-01-20' }).execute(),
      () => db.insertInto('cross_referral').values({ course_id: course.id, kind: 'cross_municipal', intervention_code: 'diet', provider_municipality_code: '0151', received_on: '2025-01-20', origin: 'import' }).execute().then(() =>
        db.insertInto('cross_referral').values({ course_id: course.id, kind: 'cross_municipal', intervention_code: 'diet', provider_municipality_code: '0151', received_on: '2025-01-20', origin: 'api' }).execute()),
      () => db.insertInto('action_plan').values({ course_id: course.id, version: 9, agreed_on: '2025-01-20', difficulties_and_needs: '', purpose_and_content: 'x', location: 'x', first_follow_up_on: '2025-01-20', revision_reason: 'x' }).execute(),
      () => db.insertInto('course_contact').values({ course_id: course.id, contacted_on: '2025-01-08', channel: null }).execute(),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/violates check constraint/);
    await db.deleteFrom('cross_referral').where('origin', '=', 'import').where('provider_municipality_code', '=', '0151').where('intervention_code', '=', 'diet').execute();
  });
});

describe('extract export', () => {
  it("writes the own municipality's records person-level, UI records included, and audits each citizen with the purpose", async () => {
    const res = await app.inject({ method: 'GET', url: exportUrl('format=csv&table=referrals'), headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    const ui = await database.db.selectFrom('citizen').select('pseudonym').where('birth_date', '=', '1955-08-09').executeTakeFirstOrThrow();
    expect(lines[0]).toBe(
      'referral_id;home_municipality;citizen;sex;birth_date;received;source;legal_basis;diagnosis;first_contact;needs_assessed;action_plan;declined;decline_reason;closing_conversation;closing_note_sent',
    );
    // Gladsaxe's administrator: Gladsaxe's citizens only (Ballerup's and Egedal's stay out).
    expect(lines.slice(1).sort()).toEqual(
      ['GLA-1;0159;P-EXT-0001;F;1961-03-04;2025-01-06;gp;SUL119;DC50;2025-01-08;2025-01-15;2025-01-20;;;2025-06-02;2025-06-04', `${uiReferralId};0159;${ui.pseudonym};M;1955-08-09;2026-11-02;gp;;;2026-11-03;;;;;;`].sort(),
    );
    const int = await app.inject({ method: 'GET', url: exportUrl('format=csv&table=interventions'), headers: admin.headers });
    expect(int.body).toContain(`${uiReferralId};puls_styrke;0151;2026-11-10;;;;;1;`);
    expect(int.body).not.toContain('BAL-');
    const exported = await database.db.selectFrom('audit_event').select(['citizen_id', 'purpose']).where('action', '=', 'extract.export').where('citizen_id', 'is not', null).execute();
    expect(new Set(exported.map((x) => x.citizen_id)).size).toBe(2);
    expect(new Set(exported.map((x) => x.purpose))).toEqual(new Set(['Kontrol af halvårets tal']));
  });

  it("writes the collaboration's records pseudonymised: no CPR, no care-system id, one pseudonym per citizen per export; the figures unchanged", async () => {
    const get = async (table: string) => (await app.inject({ method: 'GET', url: exportUrl(`format=csv&table=${table}`, 'collaboration'), headers: admin.headers })).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    const [referrals, interventions] = [await get('referrals'), await get('interventions')];
    const other = encodeURIComponent('Stikprøvekontrol');
    const again = (await app.inject({ method: 'GET', url: `/api/extracts/export?format=csv&table=referrals&scope=collaboration&purpose=${other}`, headers: admin.headers })).body.trim().split('\r\n');
    expect(referrals).toHaveLength(5);
    const body = [...referrals, ...interventions].join('\n');
    for (const secret of ['0201609996', 'P-EXT-0001', 'GLA-1', 'BAL-', uiReferralId]) expect(body).not.toContain(secret);
    const rows = referrals.slice(1).map((l) => l.split(';'));
    for (const r of rows) expect([r[0]!.slice(0, 2), r[2]!.slice(0, 2)]).toEqual(['R-', 'P-']);
    // Every intervention row points at a referral row of the same export (two requests, one key).
    expect(interventions.slice(1).every((l) => rows.some((r) => r[0] === l.split(';')[0]))).toBe(true);
    // Another purpose, another key: the two exports cannot be linked.
    expect(again.slice(1).map((l) => l.split(';')[0]).some((id) => rows.some((r) => r[0] === id))).toBe(false);
    // Everything else is the person-level record of the installation's operator.
    const full = await exportExtract({ db: database.db, actor: EXTRACT_CLI_ACTOR, clock: fixedClock('2026-11-22T10:00:00Z') }, { format: 'csv', table: 'referrals', scope: 'municipality', purpose: 'test' });
    const rest = (lines: string[]) => lines.map((l) => l.split(';').filter((_, i) => i !== 0 && i !== 2).join(';')).sort();
    expect(rest(rows.map((r) => r.join(';')))).toEqual(rest(Buffer.from(full.bytes).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)));
  });

  it('wants a purpose and a scope, naming them', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/extracts/export?format=xlsx&scope=municipality&purpose=', headers: admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('query.purpose');
    const noScope = await app.inject({ method: 'GET', url: `/api/extracts/export?format=xlsx&purpose=${PURPOSE}`, headers: admin.headers });
    expect(noScope.statusCode).toBe(400);
  });

  it('round trip: importing the export into a fresh database stores the same records', async () => {
    const ctx = { db: fresh.db, actor: EXTRACT_CLI_ACTOR, clock: fixedClock('2026-11-22T10:00:00Z') };
    const all = { format: 'xlsx', scope: 'municipality', purpose: 'flytning til ny server' } as const;
    const res = { rawPayload: Buffer.from((await exportExtract({ ...ctx, db: database.db }, all)).bytes) };
    const result = await importExtract(ctx, [{ name: 'export.xlsx', bytes: new Uint8Array(res.rawPayload) }]);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ outcome: 'imported', created: 4, updated: 0, unchanged: 0 });
    expect(await records(fresh)).toEqual(await records(database));
    const again = await importExtract(ctx, [{ name: 'export.xlsx', bytes: new Uint8Array(res.rawPayload) }]);
    expect(again).toMatchObject({ outcome: 'imported', created: 0, updated: 0, unchanged: 4 });
    const a = await exportExtract({ ...ctx, db: database.db }, { ...all, format: 'csv', table: 'interventions' });
    const b = await exportExtract(ctx, { ...all, format: 'csv', table: 'interventions' });
    expect(Buffer.from(b.bytes).toString('utf8')).toBe(Buffer.from(a.bytes).toString('utf8'));
    const cli = await fresh.db.selectFrom('audit_event').select(['actor_label']).where('action', '=', 'extract.import').limit(1).executeTakeFirstOrThrow();
    expect(cli.actor_label).toBe('system:extract-cli');
  });

  it('re-importing the export into the same database changes nothing, UI records included', async () => {
    const res = await app.inject({ method: 'GET', url: exportUrl('format=xlsx'), headers: admin.headers });
    const body = await importPair({ files: [{ name: 'export.xlsx', contentBase64: res.rawPayload.toString('base64') }] });
    expect(body).toMatchObject({ outcome: 'imported', created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses a changed row for a referral entered in Samkraft (change it there), and stores nothing', async () => {
    const get = async (table: string) => {
      const res = await app.inject({ method: 'GET', url: exportUrl(`format=csv&table=${table}`), headers: admin.headers });
      return res.body.replace(/^\uFEFF/, '');
    };
    const referrals = (await get('referrals')).split('\r\n');
    const index = referrals.findIndex((l) => l.startsWith(`${uiReferralId};`));
    expect(index).toBeGreaterThan(0);
    referrals[index] = referrals[index]!.replace(';2026-11-03;', ';2026-11-04;');
    const before = await records(database);
    const body = await importPair({
      files: [
        { name: 'referrals.csv', contentBase64: Buffer.from(referrals.join('\r\n')).toString('base64') },
        { name: 'interventions.csv', contentBase64: Buffer.from(await get('interventions')).toString('base64') },
      ],
    });
    expect(body.outcome).toBe('refused');
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    expect(body.errors.map(({ file, row, column, reason }) => ({ file, row, column, reason }))).toEqual([
      { file: 'referrals.csv', row: index + 1, column: 'referral_id', reason: 'known_from_samkraft' },
    ]);
    expect(await records(database)).toEqual(before);
  });
});
