import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@samkraft/contracts/reports';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { insertRecords, seedReportBasics } from '../../test-support/report-records.ts';

let database: Database;
let app: App;
let coordinator: SignedInClient;
let lead: SignedInClient;
let contact: SignedInClient;
let leadId: string;
let contactId: string;

const Q = 'from=2017-01-01&to=2017-12-31';

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReportBasics(db);
  await insertRecords(db, [
    { home: '0159', sex: 'F', birthDate: '1960-01-01', receivedOn: '2017-02-01', source: 'gp', assessedOn: '2017-02-10', interventions: [{ provider: '0151', intervention: 'blandede', endedOn: '2017-06-01', recorded: 12 }] },
    { home: '0159', sex: 'M', birthDate: '1990-01-01', receivedOn: '2017-03-01', source: 'hospital_gop', interventions: [{ provider: '0159', intervention: 'maend', endedOn: '2017-08-01', recorded: 20 }] },
    { home: '0151', sex: 'F', birthDate: '1950-01-01', receivedOn: '2017-04-01', source: 'self', declines: [{ reason: 'too_far', on: '2017-04-05' }] },
  ]);
  const coordinatorId = await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] });
  leadId = await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] });
  contactId = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  app = await createTestApp(database);
  coordinator = await signIn(app, coordinatorId);
  lead = await signIn(app, leadId);
  contact = await signIn(app, contactId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (client: SignedInClient, url: string) => app.inject({ method: 'GET', url, headers: client.headers });

describe('GET /api/reports', () => {
  it('gives a coordinator every member municipality, and the tables as JSON', async () => {
    const res = await get(coordinator, `/api/reports?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<Report>();
    expect(report.municipalities.map((m) => m.code)).toEqual(['0151', '0240', '0159', '0163', '0175']);
    expect(report.tables.find((t) => t.id === 'summary')?.rows.map((r) => r.cells)).toEqual([[3], [2], [1], [2]]);
  });

  it('gives a municipal lead their own municipality, and refuses another with 403, audited', async () => {
    const own = await get(lead, `/api/reports?${Q}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<Report>().municipalities.map((m) => m.code)).toEqual(['0159']);
    expect(own.json<Report>().tables.find((t) => t.id === 'summary')?.rows.map((r) => r.cells)).toEqual([[2], [2], [1], [2]]);
    const other = await get(lead, `/api/reports?${Q}&municipalities=0159,0151`);
    expect(other.statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: leadId, limit: 10 });
    expect(events.map((e) => [e.action, e.outcome])).toEqual(expect.arrayContaining([['report.read', 'allowed'], ['report.read', 'denied']]));
  });

  it('refuses staff who are neither coordinators nor leads, audited', async () => {
    expect((await get(contact, `/api/reports?${Q}`)).statusCode).toBe(403);
    expect((await get(contact, `/api/reports/export?${Q}&format=csv`)).statusCode).toBe(403);
    const events = await listAuditEvents(database.db, { actorUserId: contactId, limit: 10 });
    expect(events.filter((e) => e.action.startsWith('report.')).map((e) => [e.action, e.outcome]).sort()).toEqual([['report.export', 'denied'], ['report.read', 'denied']]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: [string, string, string][] = [
      ['from=2017-12-31&to=2017-01-01', 'to', 'before_start'],
      ['from=2017-01-01&to=2030-01-01', 'to', 'period_too_long'],
      [`${Q}&compareFrom=2016-01-01`, 'compareTo', 'required'],
      [`${Q}&municipalities=0159,x`, 'query.municipalities', 'invalid_format'],
      [`${Q}&municipalities=9999`, 'municipalities', 'unknown_municipality'],
      ['from=2017-02-30&to=2017-03-01', 'query.from', 'invalid_date'],
    ];
    for (const [query, field, code] of cases) {
      const res = await get(coordinator, `/api/reports?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields[0], query).toMatchObject({ field, code });
    }
  });
});

describe('GET /api/reports/export', () => {
  it('XLSX: one sheet per table, numbers as numbers, the same numbers as the JSON', async () => {
    const json = (await get(coordinator, `/api/reports?${Q}`)).json<Report>();
    const res = await get(coordinator, `/api/reports/export?${Q}&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(json.tables.length + 1);
    json.tables.forEach((t, i) => {
      const sheet = workbook.worksheets[i + 1]!;
      t.rows.forEach((r, k) => {
        // Row 1 is the title, row 2 the header.
        const values = r.cells.map((_, j) => sheet.getRow(k + 3).getCell(j + 2).value);
        expect(values, `${t.id} ${r.label}`).toEqual(r.cells);
        expect(sheet.getRow(k + 3).getCell(1).value).toBe(r.label);
      });
    });
    // Herlev in the flows sheet, read straight: 0 everywhere; Gladsaxe → Ballerup 1.
    const flows = workbook.getWorksheet('Strømme')!;
    expect(flows.getRow(2).values).toEqual([undefined, 'Hjemkommune', 'Ballerup', 'Egedal', 'Gladsaxe', 'Herlev', 'Rødovre', 'I alt']);
    expect(flows.getRow(5).values).toEqual([undefined, 'Gladsaxe', 1, 0, 1, 0, 0, 2]);
  });

  it('CSV with semicolons and a suppressed cell as ..', async () => {
    const res = await get(coordinator, `/api/reports/export?${Q}&format=csv&suppress=true`);
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    const start = lines.indexOf('Modtagne borgere samt henviste borgere fordelt på kommuner');
    expect(lines.slice(start + 1, start + 3)).toEqual(['Kommune;Modtaget fra andre kommuner;Henvist til andre kommuner', 'Ballerup;..;0']);
  });

  it('PDF with the tables and charts; its pages rendered to PNG when pdftoppm is there', async () => {
    const res = await get(coordinator, `/api/reports/export?${Q}&format=pdf&compareFrom=2016-01-01&compareTo=2016-12-31`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await readPdfText(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(2);
    // The charts are the dashboard's (ECharts as SVG): their titles and the Sankey's node names.
    for (const heading of ['Opsamling på data', 'Henvisninger pr. halvår og hjemkommune', 'De fem indikatorer over tid, mod deres mål', 'Gladsaxe (hjem)', 'Datakomplethed pr. kommune og kvartal', 'Rødovre']) expect(text).toContain(heading);
    const dir = path.resolve(import.meta.dirname, '../../../../../test-artifacts/report-pdf');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'rapport.pdf'), res.rawPayload);
    let pdftoppm = true;
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    } catch {
      pdftoppm = false;
    }
    if (pdftoppm) {
      execFileSync('pdftoppm', ['-png', '-r', '60', path.join(dir, 'rapport.pdf'), path.join(dir, 'page')]);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBe(pages);
    }
  });
});

describe('a read replica (DATABASE_REPLICA_URL)', () => {
  it('answers the report from the replica, and the audit event goes to the primary', async () => {
    // A replica one referral behind the primary: the figures show where they were read.
    const replica = await createTestDatabase();
    try {
      await seedReportBasics(replica.db);
      await insertRecords(replica.db, [{ home: '0159', sex: 'F', birthDate: '1960-01-01', receivedOn: '2017-02-01', source: 'gp' }]);
      const withReplica = await createTestApp(database, { replica });
      try {
        const coordinatorId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['coordinator'] });
        const client = await signIn(withReplica, coordinatorId);
        const res = await withReplica.inject({ method: 'GET', url: `/api/reports?${Q}`, headers: client.headers });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<Report>().tables.find((t) => t.id === 'summary')?.rows[0]?.cells).toEqual([1]);
        const events = await listAuditEvents(database.db, { actorUserId: coordinatorId });
        expect(events.map((e) => e.action)).toContain('report.read');
        expect((await listAuditEvents(replica.db, { actorUserId: coordinatorId })).length).toBe(0);
      } finally {
        await withReplica.close();
      }
    } finally {
      await replica.close();
    }
  });
});
