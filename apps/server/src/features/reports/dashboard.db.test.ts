import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, DashboardTable, SettlementBalance } from '@samkraft/contracts/dashboard';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { insertRecords, seedReportBasics } from '../../test-support/report-records.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

/**
 * The dashboard's aggregates against figures computed by hand from four referrals of 2017:
 *  A Gladsaxe (0159), received 1 Feb, mixed diagnoses in Ballerup (0151): started day 5, four attended
 *    and a no-show on a team (seats 12), ended 1 Jun;
 *  B Gladsaxe, received 1 Mar, men's training at home: started day 5, 20 recorded, ended 1 Aug;
 *  C Ballerup, received 1 Aug, mixed diagnoses in Gladsaxe: started day 20, 3 recorded, ended 1 Oct,
 *    waiting for a seat on a Gladsaxe team (seats 12) — so by the one definition of sessions attended
 *    (the enrolment's attended marks before a recorded count) it attended none;
 *  D Ballerup, received 1 Sep, no intervention.
 */

let database: Database;
let app: App;
let coordinator: SignedInClient;
let lead: SignedInClient;
let leadId: string;

const Q = 'from=2017-01-01&to=2017-12-31';

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReportBasics(db);
  await insertRecords(db, [
    { home: '0159', sex: 'F', birthDate: '1960-01-01', receivedOn: '2017-02-01', source: 'gp', interventions: [{ provider: '0151', intervention: 'blandede', endedOn: '2017-06-01', attendance: ['attended', 'attended', 'attended', 'attended', 'no_show'] }] },
    { home: '0159', sex: 'M', birthDate: '1950-01-01', receivedOn: '2017-03-01', source: 'hospital_gop', interventions: [{ provider: '0159', intervention: 'maend', endedOn: '2017-08-01', recorded: 20 }] },
    { home: '0151', sex: 'F', birthDate: '1970-01-01', receivedOn: '2017-08-01', source: 'self', interventions: [{ provider: '0159', intervention: 'blandede', endedOn: '2017-10-01', recorded: 3, enrolled: true }] },
    { home: '0151', sex: 'M', birthDate: '1980-01-01', receivedOn: '2017-09-01', source: 'gp' },
  ]);
  // C: started 20 days after receipt, and waiting for a seat on the Gladsaxe team.
  const c = await db.selectFrom('cross_referral').select('id').where('provider_municipality_code', '=', '0159').where('kind', '=', 'cross_municipal').executeTakeFirstOrThrow();
  await db.updateTable('cross_referral').set({ started_on: '2017-08-21' }).where('id', '=', c.id).execute();
  await db.updateTable('enrolment').set({ status: 'waiting', start_on: null, waiting_since: new Date('2017-08-10T08:00:00Z') }).where('cross_referral_id', '=', c.id).execute();
  const coordinatorId = await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] });
  leadId = await aStaffUser(db, { municipalityCode: '0151', roles: ['municipal_lead'] });
  app = await createTestApp(database);
  coordinator = await signIn(app, coordinatorId);
  lead = await signIn(app, leadId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (client: SignedInClient, url: string) => app.inject({ method: 'GET', url, headers: client.headers });
const cellsOf = (t: DashboardTable) => Object.fromEntries(t.rows.map((r) => [r.label, r.cells]));

describe('GET /api/dashboard', () => {
  it('gives a coordinator every panel with the hand-computed figures', async () => {
    const res = await get(coordinator, `/api/dashboard?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Dashboard>();
    expect(d.referrals.columns.map((c) => c.label)).toEqual(['Ballerup', 'Egedal', 'Gladsaxe', 'Herlev', 'Rødovre', 'I alt']);
    expect(cellsOf(d.referrals)).toEqual({ '1. halvår 2017': [0, 0, 2, 0, 0, 2], '2. halvår 2017': [2, 0, 0, 0, 0, 2], 'I alt': [2, 0, 2, 0, 0, 4] });
    // The report's flow table: Gladsaxe → Ballerup and itself, Ballerup → Gladsaxe.
    const flows = d.flows;
    const at = (home: string, provider: string) => flows.rows.find((r) => r.label === home)?.cells[flows.columns.findIndex((c) => c.label === provider)];
    expect([at('Gladsaxe', 'Ballerup'), at('Gladsaxe', 'Gladsaxe'), at('Ballerup', 'Gladsaxe'), at('Ballerup', 'Ballerup')]).toEqual([1, 1, 1, 0]);
    // Indicators 1 (referred) and 3 (referred on across municipalities) per half-year.
    expect(d.indicators.columns.map((c) => c.key)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect(d.indicators.rows.map((r) => [r.cells[0], r.cells[2]])).toEqual([[2, 1], [2, 1]]);
    expect(d.indicatorTargets).toEqual([{ column: 'i2', value: 0.9 }, { column: 'i4', value: 0.5 }, { column: 'i5', value: 0.5 }]);
    // Days to start: mixed diagnoses 5 and 20 (median 12.5, 90th percentile 5 + 0.9 × 15), men 5.
    expect(cellsOf(d.waiting)).toEqual({ 'Blandede diagnoser': [2, 12.5, 12.5, 18.5], 'Træning for mænd': [1, 5, 5, 5] });
    // Teams running today: Ballerup's with A enrolled, Gladsaxe's with C waiting.
    expect(cellsOf(d.teams)).toEqual({ Ballerup: [1, 12, 1, 11, 0, 1 / 12], Gladsaxe: [1, 12, 0, 12, 1, 0] });
  });

  it('gives a lead their own municipality, hides small numbers on request, and audits the read', async () => {
    const res = await get(lead, `/api/dashboard?${Q}&suppress=true`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Dashboard>();
    expect(d.municipalities.map((m) => m.code)).toEqual(['0151']);
    expect(d.referrals.rows.map((r) => r.suppressed)).toEqual([[false, false], [true, true], [true, true]]);
    expect(d.waiting.rows.every((r) => r.cells.every((v) => v === null))).toBe(true);
    expect((await get(lead, `/api/dashboard?${Q}&municipalities=0159`)).statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: leadId, limit: 10 });
    expect(events.map((e) => [e.action, e.outcome, (e.detail as { format?: string } | null)?.format ?? null])).toEqual(expect.arrayContaining([['report.read', 'allowed', 'dashboard'], ['report.read', 'denied', null]]));
  });
});

describe('GET /api/dashboard/balance', () => {
  it('gives the balance in units: sessions delivered to other municipalities minus received', async () => {
    const res = await get(coordinator, `/api/dashboard/balance?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json<SettlementBalance>();
    expect(b.unit).toBe('sessions');
    expect(Object.fromEntries(b.rows.map((r) => [r.municipality.name, [r.delivered, r.received, r.net]]))).toEqual({
      Ballerup: [4, 0, 4],
      Egedal: [0, 0, 0],
      Gladsaxe: [0, 4, -4],
      Herlev: [0, 0, 0],
      Rødovre: [0, 0, 0],
    });
    expect(b.table.title).toMatch(/enheder/);
  });

  it('hides a small count with the net that would give it away', async () => {
    const b = (await get(coordinator, `/api/dashboard/balance?${Q}&suppress=true`)).json<SettlementBalance>();
    expect(b.rows.find((r) => r.municipality.code === '0151')).toMatchObject({ delivered: null, received: 0, net: null });
    expect(b.rows.find((r) => r.municipality.code === '0159')).toMatchObject({ delivered: 0, received: null, net: null });
  });

  it("gives the settlement's kroner once a tariff prices the period", async () => {
    // 150 kr a session of mixed-diagnosis training, every provider: A's four sessions in Ballerup are 600 kr
    // that Ballerup delivered and Gladsaxe received (C attended none; no course tariff, so the courses are 0 kr).
    const tariff = await app.inject({
      method: 'POST',
      url: '/api/settlement/tariffs',
      headers: coordinator.headers,
      payload: { providerMunicipalityCode: null, interventionCode: 'blandede', unit: 'session', priceKr: 150, source: 'agreed', sourceNote: 'Testtakst', validFrom: '2017-01-01', validTo: null },
    });
    expect(tariff.statusCode, tariff.body).toBe(200);
    const b = (await get(coordinator, `/api/dashboard/balance?${Q}`)).json<SettlementBalance>();
    expect(b.unit).toBe('dkk');
    expect(Object.fromEntries(b.rows.map((r) => [r.municipality.name, [r.delivered, r.received, r.net]]))).toEqual({
      Ballerup: [600, 0, 600],
      Egedal: [0, 0, 0],
      Gladsaxe: [0, 600, -600],
      Herlev: [0, 0, 0],
      Rødovre: [0, 0, 0],
    });
    expect(b.table.title).toBe('Mellemkommunal balance i kr.');
    // A lead sees their own municipality only, and an amount from fewer than five units stays hidden on request:
    // Ballerup delivered five (A's four sessions and her course), received one (C's course, unpriced).
    const own = (await get(lead, `/api/dashboard/balance?${Q}&suppress=true`)).json<SettlementBalance>();
    expect(own.rows).toEqual([{ municipality: { code: '0151', name: 'Ballerup' }, delivered: 600, received: null, net: null }]);
  });
});

describe('the report PDF', () => {
  it("draws the dashboard's charts (ECharts, server-side SVG)", async () => {
    const res = await get(coordinator, `/api/reports/export?${Q}&format=pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const { text } = await readPdfText(res.rawPayload);
    for (const title of ['Henvisninger pr. halvår og hjemkommune', 'De fem indikatorer over tid, mod deres mål', 'Ventetid fra henvisning til start pr. indsats (dage)', 'Holdenes belægning og ventelister pr. udførende kommune', 'Mellemkommunal balance i enheder (fremmøder)']) {
      expect(text).toContain(title);
    }
    // Text inside the Sankey's SVG: its nodes.
    expect(text).toContain('Gladsaxe (hjem)');
    // Kept for a look (test-artifacts is ignored by git).
    const dir = path.resolve(import.meta.dirname, '../../../../../test-artifacts/dashboard-pdf');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'rapport.pdf'), res.rawPayload);
  });
});
