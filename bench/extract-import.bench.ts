/**
 * Import speed of a case-record extract: 100,000 intervention rows (50,000 referrals with two
 * interventions each, synthetic `P-` citizens), first as new records, then re-imported unchanged.
 */
import { recordsToTables, toCsv, type ReferralRecord } from '../apps/server/src/features/extracts/extract-format.rules.ts';
import { EXTRACT_CLI_ACTOR } from '../apps/server/src/features/extracts/extract.cli.ts';
import { importExtract, type ExtractFileBytes } from '../apps/server/src/features/extracts/extract.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Database } from '../apps/server/src/platform/database/database.ts';
import { sql } from 'kysely';
import { interventionColumns, referralColumns } from '../apps/server/src/features/extracts/extract-format.rules.ts';
import { seedReferenceData } from '../apps/server/src/features/reference-data/reference-data.seed.ts';
import { openPglite, openPostgres } from '../apps/server/src/platform/database/database.ts';
import { migrate } from '../apps/server/src/platform/database/migrate.ts';
import { databaseUrl, quoteIdent, withAdminClient } from '../apps/server/src/test-support/postgres-admin.ts';
import { postgresAdminUrl } from './support/datasets.ts';
import { median } from './support/measure.ts';
import type { ResultRow } from './support/results.ts';

const INTERVENTION_ROWS = 100_000;
const HOMES = ['0151', '0157', '0159', '0163', '0173', '0175', '0190', '0230', '0240'];
const CODES = ['mixed_training', 'puls_styrke', 'diet', 'livskraft', 'mindfulness', 'individual'];

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

export function syntheticExtract(interventionRows: number): ExtractFileBytes[] {
  const records: ReferralRecord[] = [];
  for (let i = 0; i < interventionRows / 2; i++) {
    const home = HOMES[i % HOMES.length] ?? '0159';
    const provider = HOMES[(i * 7 + 3) % HOMES.length] ?? '0159';
    const received = day('2019-01-02', i % 2000);
    records.push({
      referralId: `B-${i}`,
      homeMunicipality: home,
      citizen: { kind: 'pseudonym', value: `P-BENCH-${i}` },
      sex: i % 3 === 0 ? 'M' : 'F',
      birthDate: day('1940-01-01', (i * 37) % 20_000),
      received,
      source: 'gp',
      legalBasis: 'SUL119',
      diagnosis: 'DC50',
      firstContact: day(received, 2),
      needsAssessed: day(received, 7),
      actionPlan: day(received, 10),
      declined: null,
      declineReason: null,
      closingConversation: day(received, 120),
      closingNoteSent: day(received, 122),
      interventions: [
        { intervention: CODES[i % CODES.length] ?? 'diet', providerMunicipality: provider, referred: day(received, 11), providerContact: day(received, 13), deeperAssessment: day(received, 18), start: day(received, 25), end: day(received, 110), attendances: 20, endReason: 'completed' },
        { intervention: 'diet', providerMunicipality: home, referred: day(received, 12), providerContact: null, deeperAssessment: null, start: day(received, 20), end: null, attendances: null, endReason: null },
      ],
    });
  }
  const tables = recordsToTables(records);
  return [
    { name: 'referrals.csv', bytes: toCsv(tables.referrals) },
    { name: 'interventions.csv', bytes: toCsv(tables.interventions) },
  ];
}

/** A fresh, migrated database with reference data: PGlite in memory, or a new PostgreSQL database dropped afterwards. */
async function withFreshDatabase<T>(kind: 'pglite' | 'postgres', fn: (database: Database) => Promise<T>): Promise<T> {
  const name = `samkraft_bench_import_${process.pid}`;
  if (kind === 'postgres') await withAdminClient(postgresAdminUrl, (admin) => admin.query(`create database ${quoteIdent(name)}`));
  try {
    const database = kind === 'pglite' ? await openPglite(undefined) : await openPostgres(databaseUrl(postgresAdminUrl, name));
    try {
      await migrate(database);
      await seedReferenceData(database.db);
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    if (kind === 'postgres') await withAdminClient(postgresAdminUrl, (admin) => admin.query(`drop database if exists ${quoteIdent(name)} with (force)`));
  }
}

/** The floor: COPY of the same two files into staging tables of text columns. */
async function copyFloor(database: Database, files: ExtractFileBytes[]): Promise<number> {
  const start = performance.now();
  const [referrals, interventions] = files;
  if (!referrals || !interventions) throw new Error('two files expected');
  await sql`create unlogged table if not exists bench_stage_referrals (${sql.raw(referralColumns.map((c) => `"${c}" text`).join(', '))})`.execute(database.db);
  await sql`create unlogged table if not exists bench_stage_interventions (${sql.raw(interventionColumns.map((c) => `"${c}" text`).join(', '))})`.execute(database.db);
  await sql`truncate bench_stage_referrals, bench_stage_interventions`.execute(database.db);
  // The BOM the extract starts with is not part of the first column's name.
  const strip = (bytes: Uint8Array) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  await database.copyCsv('bench_stage_referrals', referralColumns, strip(referrals.bytes));
  const n = await database.copyCsv('bench_stage_interventions', interventionColumns, strip(interventions.bytes));
  if (n !== INTERVENTION_ROWS) throw new Error(`COPY loaded ${n} intervention rows`);
  return performance.now() - start;
}

export const extractImportBenchmark = {
  name: 'extract-import',
  prepare: async () => syntheticExtract(INTERVENTION_ROWS),
  async run(kind: 'pglite' | 'postgres', files: ExtractFileBytes[]): Promise<ResultRow[]> {
    return withFreshDatabase(kind, async (database) => {
      const ctx = { db: database.db, actor: EXTRACT_CLI_ACTOR, clock: fixedClock('2026-11-22T10:00:00Z') };
      const expect = async (created: number, unchanged: number) => {
        const start = performance.now();
        const r = await importExtract(ctx, files);
        if (r.outcome !== 'imported' || r.created !== created || r.unchanged !== unchanged) {
          throw new Error(`unexpected import result: ${JSON.stringify({ ...r, errors: r.errors.slice(0, 3) })}`);
        }
        return performance.now() - start;
      };
      const floors = [await copyFloor(database, files), await copyFloor(database, files), await copyFloor(database, files)];
      const floor = median(floors);
      const importMs = await expect(INTERVENTION_ROWS / 2, 0);
      const reimportMs = await expect(0, INTERVENTION_ROWS / 2);
      const label = kind === 'pglite' ? '100 k rows, PGlite' : '100 k rows, PostgreSQL';
      const rate = (ms: number) => INTERVENTION_ROWS / (ms / 1000);
      const at = new Date().toISOString();
      const row = (measure: string, ms: number): ResultRow => ({
        measure,
        size: label,
        ours: rate(ms),
        floor: rate(floor),
        unit: 'rows/s',
        floorIs: 'COPY of the same two CSV files into staging tables (median of 3)',
        target: '≥ 25 % of COPY',
        met: rate(ms) >= 0.25 * rate(floor),
        note: `${(ms / 1000).toFixed(1)} s vs ${(floor / 1000).toFixed(2)} s; one import (it is one transaction of 550 k stored rows)`,
        at,
      });
      return [row('extract import, 100,000 intervention rows (all new)', importMs), row('extract re-import, same extract (all unchanged)', reimportMs)];
    });
  },
};
