import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractImportResult, ExtractValidation } from '@samkraft/contracts/extracts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';

const badDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test-support/extract-fixtures', 'bad');

type Expected = { file: string; row: number; column: string; reason: string };
const R = 'referrals.csv';
const I = 'interventions.csv';
const e = (file: string, row: number, column: string, reason: string): Expected => ({ file, row, column, reason });

/** The oracle: each corpus case (test-support/extract-fixtures/bad/<case>/, made by its make-fixtures.ts) and exactly what it must report. */
const corpus: Record<string, Expected[]> = {
  '01-wrong-separator': [e(R, 1, '', 'no_separator')],
  '02-unknown-column': [e(R, 1, 'recieved', 'unknown_column'), e(R, 1, 'received', 'missing_column')],
  '03-bad-date': [e(R, 2, 'received', 'invalid_date')],
  '04-end-before-start': [e(I, 2, 'end', 'out_of_order')],
  '05-future-date': [e(R, 3, 'first_contact', 'future_date')],
  '06-unknown-municipality': [e(R, 4, 'home_municipality', 'unknown_municipality')],
  '07-bad-municipality-code': [e(I, 3, 'provider_municipality', 'invalid_municipality_code')],
  '08-unknown-intervention': [e(I, 2, 'intervention', 'unknown_intervention')],
  '09-duplicate-referral-id': [e(R, 4, 'referral_id', 'duplicate_referral_id')],
  '10-orphan-referral-id': [e(I, 5, 'referral_id', 'orphan_referral_id')],
  '11-xlsx-missing-sheet': [e('extract.xlsx', 1, '', 'missing_sheet')],
  '12-empty-file': [e(R, 1, '', 'empty_file')],
  '13-large-garbage': [e(R, 1, '', 'binary_file')],
  '14-garbage-xlsx': [e('extract.xlsx', 1, '', 'unreadable_workbook')],
  '15-end-without-reason': [e(I, 2, 'end_reason', 'required')],
  '16-end-without-attendances': [e(I, 2, 'attendances', 'required')],
  '17-attendances-not-a-number': [e(I, 2, 'attendances', 'invalid_number')],
  '18-decline-without-reason': [e(R, 3, 'decline_reason', 'required')],
  '19-reason-without-decline': [e(R, 4, 'decline_reason', 'only_with_other_column')],
  '20-bad-citizen': [e(R, 2, 'citizen', 'invalid_citizen')],
  '21-birth-date-disagrees-with-cpr': [e(R, 3, 'birth_date', 'birth_date_mismatch')],
  '22-bad-sex': [e(R, 2, 'sex', 'invalid_value')],
  '23-unknown-source': [e(R, 2, 'source', 'invalid_value')],
  '24-unknown-diagnosis': [e(R, 2, 'diagnosis', 'unknown_diagnosis')],
  '25-assessment-before-contact': [e(R, 2, 'needs_assessed', 'out_of_order')],
  '26-referred-before-received': [e(I, 4, 'referred', 'out_of_order')],
  '27-closing-before-end': [e(R, 2, 'closing_conversation', 'out_of_order')],
  '28-missing-column': [e(R, 1, 'source', 'missing_column')],
  '29-duplicate-column': [e(R, 1, 'referral_id', 'duplicate_column')],
  '30-too-many-values': [e(R, 3, '', 'column_count')],
  '31-unclosed-quote': [e(R, 3, '', 'unclosed_quote')],
  '32-missing-table': [e(R, 1, '', 'missing_table')],
  '33-two-referral-tables': [e(R, 1, '', 'duplicate_table')],
  '34-xlsx-bad-date': [e('extract.xlsx › interventions', 2, 'start', 'invalid_date')],
  '35-gop-not-sul140': [e(R, 4, 'legal_basis', 'gop_requires_sul140')],
  '36-bad-pseudonym': [e(R, 2, 'citizen', 'invalid_citizen')],
  '37-citizen-conflict': [e(R, 4, 'sex', 'citizen_conflict')],
  '38-received-missing': [e(R, 3, 'received', 'required')],
};

let database: Database;
let app: App;
let admin: SignedInClient;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  const adminId = await aStaffUser(database.db, { municipalityCode: '0159', roles: ['administrator'] });
  app = await createTestApp(database); // today is 2026-11-22
  admin = await signIn(app, adminId);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const upload = (dir: string) => ({
  files: fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({ name, contentBase64: fs.readFileSync(path.join(dir, name)).toString('base64') })),
});

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['citizen', 'referral', 'course', 'course_contact', 'needs_assessment', 'action_plan', 'decline', 'closing_conversation', 'closing_note', 'cross_referral', 'extract_import'] as const) {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describe('the bad-input corpus', () => {
  it('has at least 30 cases on disk, each with its expected errors here', () => {
    const onDisk = fs.readdirSync(badDir).sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(30);
    expect(onDisk).toEqual(Object.keys(corpus).sort());
  });

  it.each(Object.entries(corpus))('%s is refused with file, row, column and reason, and nothing is stored', async (name, expected) => {
    const before = await counts();
    const res = await app.inject({ method: 'POST', url: '/api/extracts/import', headers: admin.headers, payload: upload(path.join(badDir, name)) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ExtractImportResult>();
    expect(body.outcome).toBe('refused');
    expect(body.importId).toBeNull();
    expect(body.errors.map(({ file, row, column, reason }) => ({ file, row, column, reason }))).toEqual(expected);
    expect(body.errors.every((x) => x.detail.length > 0)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('reports the same errors on the dry run', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extracts/validate', headers: admin.headers, payload: upload(path.join(badDir, '27-closing-before-end')) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ExtractValidation>();
    expect(body.valid).toBe(false);
    expect(body.errors.map(({ file, row, column, reason }) => ({ file, row, column, reason }))).toEqual(corpus['27-closing-before-end']);
  });
});
