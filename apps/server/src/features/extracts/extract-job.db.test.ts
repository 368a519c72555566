import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractImportResult } from '@samkraft/contracts/extracts';
import type { Job } from '@samkraft/contracts/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { awaitJobEnd } from '../../test-support/jobs.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test-support/extract-fixtures');
const file = (dir: string, name: string) => ({ name, contentBase64: fs.readFileSync(path.join(fixtures, dir, name)).toString('base64') });
const good = { files: [file('good', 'referrals.csv'), file('good', 'interventions.csv')] };
const badDate = { files: fs.readdirSync(path.join(fixtures, 'bad', '03-bad-date')).map((n) => file('bad/03-bad-date', n)) };

let database: Database;
let app: App;
let admin: SignedInClient;
let lead: SignedInClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  app = await createTestApp(database);
  admin = await signIn(app, await aStaffUser(database.db, { municipalityCode: '0159', roles: ['administrator'] }));
  lead = await signIn(app, await aStaffUser(database.db, { municipalityCode: '0159', roles: ['municipal_lead'] }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function importAsJob(payload: object): Promise<{ job: Job; result: ExtractImportResult }> {
  const res = await app.inject({ method: 'POST', url: '/api/extracts/import-jobs', headers: admin.headers, payload });
  expect(res.statusCode, res.body).toBe(202);
  const { job } = await awaitJobEnd(app, admin.headers, res.json<Job>().id);
  const result = await app.inject({ method: 'GET', url: `/api/extracts/import-jobs/${job.id}/result`, headers: admin.headers });
  expect(result.statusCode, result.body).toBe(200);
  return { job, result: result.json<ExtractImportResult>() };
}

describe('an extract import as a job', () => {
  it('imports as the direct import does, and a second run of the same extract changes nothing', async () => {
    const first = await importAsJob(good);
    expect(first.job).toMatchObject({ state: 'succeeded', progress: { done: 6, total: 6 } });
    expect(first.job.progress.phase).not.toBeNull();
    expect(first.result).toMatchObject({ outcome: 'imported', format: 'csv', updated: 0, unchanged: 0, errors: [] });
    expect(first.result.created).toBe(first.result.referralRows);
    const again = await importAsJob(good);
    expect(again.result).toMatchObject({ outcome: 'imported', created: 0, updated: 0, unchanged: first.result.referralRows });
    const kept = await database.db.selectFrom('job').select('input').where('id', 'in', [first.job.id, again.job.id]).execute();
    expect(kept).toEqual([{ input: null }, { input: null }]);
  });

  it('reports a refused extract with every refused cell (file, row, column), and stores nothing', async () => {
    const before = await database.db.selectFrom('referral').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { result } = await importAsJob(badDate);
    expect(result.outcome).toBe('refused');
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatchObject({ reason: 'invalid_date' });
    expect(result.errors[0]?.row).toBeGreaterThan(1);
    const after = await database.db.selectFrom('referral').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('is for administrators: anyone else is refused before the files are kept', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extracts/import-jobs', headers: lead.headers, payload: good });
    expect(res.statusCode).toBe(403);
    const stored = await database.db.selectFrom('job').select('id').where('kind', '=', 'extract_import').where('actor', '@>', JSON.stringify({ roles: ['municipal_lead'] })).execute();
    expect(stored).toEqual([]);
  });
});
