import type { Job } from '@samkraft/contracts/jobs';
import type { Report } from '@samkraft/contracts/reports';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { awaitJobEnd } from '../../test-support/jobs.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { insertRecords, seedReportBasics } from '../../test-support/report-records.ts';

let database: Database;
let app: App;
let coordinator: SignedInClient;
let otherCoordinator: SignedInClient;
let lead: SignedInClient;
let contact: SignedInClient;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReportBasics(db);
  await insertRecords(db, [
    { home: '0159', sex: 'F', birthDate: '1960-01-01', receivedOn: '2017-02-01', source: 'gp', assessedOn: '2017-02-10', interventions: [{ provider: '0151', intervention: 'blandede', endedOn: '2017-06-01', recorded: 12 }] },
    { home: '0159', sex: 'M', birthDate: '1990-01-01', receivedOn: '2017-03-01', source: 'hospital_gop', interventions: [{ provider: '0159', intervention: 'maend', endedOn: '2017-08-01', recorded: 20 }] },
    { home: '0151', sex: 'F', birthDate: '1950-01-01', receivedOn: '2016-04-01', source: 'self', declines: [{ reason: 'too_far', on: '2016-04-05' }] },
  ]);
  app = await createTestApp(database);
  coordinator = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['coordinator'] }));
  otherCoordinator = await signIn(app, await aStaffUser(db, { municipalityCode: '0151', roles: ['coordinator'] }));
  lead = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['municipal_lead'] }));
  contact = await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const submit = (client: SignedInClient, payload: object) => app.inject({ method: 'POST', url: '/api/reports/jobs', headers: client.headers, payload });

describe('a report as a job', () => {
  it('computes the same report as the direct read, step by step, and serves it and its files without computing again', async () => {
    const res = await submit(coordinator, { from: '2016-01-01', to: '2017-12-31', compareFrom: '2015-01-01', compareTo: '2015-12-31' });
    expect(res.statusCode, res.body).toBe(202);
    const { job, seen } = await awaitJobEnd(app, coordinator.headers, res.json<Job>().id);
    expect(job).toMatchObject({ kind: 'report', state: 'succeeded', progress: { done: 9, total: 9 }, error: null });
    expect(seen.every((j, i) => i === 0 || j.progress.done >= (seen[i - 1]?.progress.done ?? 0))).toBe(true);

    const fromJob = await app.inject({ method: 'GET', url: `/api/reports/jobs/${job.id}/report`, headers: coordinator.headers });
    expect(fromJob.statusCode, fromJob.body).toBe(200);
    const direct = await app.inject({ method: 'GET', url: '/api/reports?from=2016-01-01&to=2017-12-31&compareFrom=2015-01-01&compareTo=2015-12-31', headers: coordinator.headers });
    expect(fromJob.json<Report>()).toEqual(direct.json<Report>());

    const file = await app.inject({ method: 'GET', url: `/api/reports/jobs/${job.id}/export?format=xlsx`, headers: coordinator.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('rapport-2016-01-01-2017-12-31.xlsx');
    const sheets = async (bytes: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      return book.worksheets.map((w) => [w.name, w.rowCount]);
    };
    const directFile = await app.inject({ method: 'GET', url: '/api/reports/export?format=xlsx&from=2016-01-01&to=2017-12-31&compareFrom=2015-01-01&compareTo=2015-12-31', headers: coordinator.headers });
    expect(await sheets(file.rawPayload)).toEqual(await sheets(directFile.rawPayload));
    const events = (await listAuditEvents(database.db, { limit: 1000 })).filter((e) => e.action === 'report.export');
    expect(events.some((e) => (e.detail as { job?: string }).job === job.id)).toBe(true);
  });

  it('refuses at once what the direct read refuses: a contact person, a lead asking for another municipality, a bad period (field named)', async () => {
    expect((await submit(contact, { from: '2017-01-01', to: '2017-12-31' })).statusCode).toBe(403);
    expect((await submit(lead, { from: '2017-01-01', to: '2017-12-31', municipalities: ['0151'] })).statusCode).toBe(403);
    const bad = await submit(coordinator, { from: '2017-12-31', to: '2017-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field)).toContain('to');
    const badBody = await submit(coordinator, { from: '2017-02-30', to: '2017-12-31', municipalities: ['159'] });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field).sort()).toEqual(['from', 'municipalities[0]']);
    expect(await database.db.selectFrom('job').select('id').where('actor', '@>', JSON.stringify({ roles: ['contact_person'] })).execute()).toEqual([]);
  });

  it('gives a lead their own municipality; nobody but the requester sees the job or its report', async () => {
    const res = await submit(lead, { from: '2017-01-01', to: '2017-12-31' });
    expect(res.statusCode, res.body).toBe(202);
    const { job } = await awaitJobEnd(app, lead.headers, res.json<Job>().id);
    const report = (await app.inject({ method: 'GET', url: `/api/reports/jobs/${job.id}/report`, headers: lead.headers })).json<Report>();
    expect(report.municipalities.map((m) => m.code)).toEqual(['0159']);
    for (const url of [`/api/jobs/${job.id}`, `/api/reports/jobs/${job.id}/report`, `/api/reports/jobs/${job.id}/export?format=csv`]) {
      expect((await app.inject({ method: 'GET', url, headers: otherCoordinator.headers })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(401);
  });
});
