import type { PlanResultDto, SavedScenarioDto, SavedScenarioList } from '@samkraft/contracts/planning';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { NINE } from '../demo/demo-hosting.ts';
import { TRANSPORT_RULES } from '../reference-data/policies.data.ts';
import { SCENARIO_LABEL_DA } from './planning-export.ts';

async function auditOf(action: string) {
  return database.db.selectFrom('audit_event').select(['outcome', 'detail']).where('action', '=', action).execute();
}

const NOW = '2026-11-23T09:00:00Z';

let database: Database;
let app: App;
const id: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  for (const t of TRANSPORT_RULES) {
    await db.insertInto('transport_rule').values({ effective_from: t.effectiveFrom, pensioner_min_dkk: t.pensionerMinDkk, non_pensioner_min_dkk: t.nonPensionerMinDkk, distance_km: t.distanceKm, source: t.source }).execute();
  }
  id.coordinator = await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] });
  id.lead = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  id.therapist = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'] });
  app = await createTestApp(database, { now: NOW });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const sessions = new Map<string, SignedInClient>();
async function call(userId: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const c = sessions.get(userId) ?? (await signIn(app, userId));
  sessions.set(userId, c);
  const res = await app.inject({ method, url, headers: c.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body, raw: res.rawPayload, type: res.headers['content-type'] };
}

const NINE_REQUEST = { municipalityCodes: [...NINE], interventionCodes: ['mixed_training', 'men_training', 'breast_training', 'lung', 'livskraft'], timeLimitSeconds: 30 };

describe('/api/planning', () => {
  it('refuses a therapist, and audits the refusal', async () => {
    const { status } = await call(id.therapist!, 'POST', '/api/planning/solve', NINE_REQUEST);
    expect(status).toBe(403);
    const events = await auditOf('planning.solve');
    expect(events.some((e) => e.outcome === 'denied')).toBe(true);
  });

  it('names the field of bad input', async () => {
    const unknown = await call(id.coordinator!, 'POST', '/api/planning/solve', { ...NINE_REQUEST, municipalityCodes: ['0151', '9999'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('municipalityCodes.1');
    const tooLong = await call(id.coordinator!, 'POST', '/api/planning/solve', { ...NINE_REQUEST, timeLimitSeconds: 600 });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('timeLimitSeconds');
  });

  let result: PlanResultDto;
  it('solves the nine to a proven optimum beside 2017 and the four models', async () => {
    const { status, body } = await call(id.lead!, 'POST', '/api/planning/solve', NINE_REQUEST);
    expect(status).toBe(200);
    result = body as PlanResultDto;
    expect(result.scenarios.map((s) => s.key)).toEqual(['optimum', 'hosting_2017', 'figure1', 'g_decentral', 'g_central_training', 'g_three_centres']);
    const optimum = result.scenarios[0];
    expect(optimum?.status).toBe('optimal');
    expect(optimum?.citizenKm).toBeGreaterThan(0);
    expect(result.lp).toContain('Minimize');
    expect(result.municipalities).toHaveLength(9);
    // Bilag K's rule with the §140 thresholds in force on the day (the transport feature's table), not the note's 25/60 kr.
    expect(result.transport).toMatchObject({ thresholdsFrom: '2023-01-01', pensionerMinDkk: 44, nonPensionerMinDkk: 104, distanceKm: 50 });
  }, 120_000);

  it('refuses to save a result that names no municipality, naming the field (it was a 500 from the table’s check)', async () => {
    const empty = await call(id.coordinator!, 'POST', '/api/planning/scenarios', { name: 'Tom', result: { ...result, municipalities: [] } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('result.municipalities');
  });

  it('saves, lists and exports a scenario, auditing the save and each export', async () => {
    const saved = await call(id.coordinator!, 'POST', '/api/planning/scenarios', { name: 'Ni kommuner, forventede tal', result });
    expect(saved.status).toBe(201);
    const s = saved.body as SavedScenarioDto;
    expect(s.status).toBe('optimal');
    const list = await call(id.lead!, 'GET', '/api/planning/scenarios');
    expect((list.body as SavedScenarioList).scenarios.map((x) => x.id)).toContain(s.id);
    const lp = await call(id.coordinator!, 'GET', `/api/planning/scenarios/${s.id}/export?format=lp`);
    expect(lp.status).toBe(200);
    expect(String(lp.body)).toContain('Subject To');
    const json = await call(id.coordinator!, 'GET', `/api/planning/scenarios/${s.id}/export?format=json`);
    expect(json.status).toBe(200);
    // The solution file carries the solver's solution and every scenario's figures, as solved.
    const file = json.body as { solver: string; solution: unknown; scenarios: PlanResultDto['scenarios'] };
    expect(file.solution).toEqual(result.solution);
    expect(file.scenarios.map((x) => [x.key, x.status, x.citizenKm])).toEqual(result.scenarios.map((x) => [x.key, x.status, x.citizenKm]));

    // The workbook: one comparison row per scenario with its citizen-km, and every flow of every scenario.
    const xlsx = await call(id.coordinator!, 'GET', `/api/planning/scenarios/${s.id}/export?format=xlsx`);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sammenligning', 'Kommuner', 'Strømme', 'Regler brudt']);
    const comparison = book.getWorksheet('Sammenligning')!;
    const rows = result.scenarios.map((_, i) => comparison.getRow(4 + i).values as unknown[]);
    expect(rows.map((r) => [r[1], r[5]])).toEqual(result.scenarios.map((x) => [SCENARIO_LABEL_DA[x.key], x.citizenKm]));
    expect(book.getWorksheet('Strømme')!.actualRowCount - 1).toBe(result.scenarios.reduce((n, x) => n + x.flows.length, 0));
    expect(book.getWorksheet('Kommuner')!.actualRowCount - 1).toBe(result.scenarios.length * 9);

    // The PDF names every scenario and every municipality.
    const pdf = await call(id.coordinator!, 'GET', `/api/planning/scenarios/${s.id}/export?format=pdf`);
    expect(pdf.raw.subarray(0, 4).toString()).toBe('%PDF');
    const { text } = await readPdfText(new Uint8Array(pdf.raw));
    const flat = text.replace(/\s+/g, ' ');
    for (const x of result.scenarios) expect(flat).toContain(SCENARIO_LABEL_DA[x.key]);
    for (const m of result.municipalities) expect(flat).toContain(m.name);
    expect(flat).toContain('tærsklerne gældende fra 2023-01-01');
    const saves = await auditOf('planning_scenario.save');
    expect(saves).toHaveLength(1);
    const exports = await auditOf('planning_scenario.export');
    expect(exports.map((e) => (e.detail as { format: string }).format).sort()).toEqual(['json', 'lp', 'pdf', 'xlsx']);
  });
});
