/**
 * The generated data sets the benchmarks read, made once and kept between runs (they take
 * minutes to build): PGlite folders under bench/.data/ and PostgreSQL databases named
 * `samkraft_bench_<size>_<years>y`. A data set is rebuilt when the generator's output would
 * differ (another size, years or seed) — the database remembers what it holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedReferenceData } from '../../apps/server/src/features/reference-data/reference-data.seed.ts';
import type { ScaleSize } from '../../apps/server/src/features/scale-data/scale-data.rules.ts';
import { generateSyntheticData, syntheticDataSetOf } from '../../apps/server/src/features/scale-data/scale-data.service.ts';
import type { SyntheticDataSet } from '../../apps/server/src/features/scale-data/scale-data.repository.ts';
import { openPglite, openPostgres, type Database } from '../../apps/server/src/platform/database/database.ts';
import { migrate } from '../../apps/server/src/platform/database/migrate.ts';
import { databaseUrl, quoteIdent, withAdminClient } from '../../apps/server/src/test-support/postgres-admin.ts';

export const benchRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const postgresAdminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The generated data ends on this day, so every run reads the same data as of the same day. */
export const DATA_TODAY = '2026-12-05';
const SEED = 1;

export type DataSet = { database: Database; set: SyntheticDataSet; kind: 'pglite' | 'postgres'; name: string };

function log(line: string): void {
  process.stdout.write(`    ${line}\n`);
}

/** Only some home municipalities, their volume × `factor` (see ScaleDataOptions). */
export type Restriction = { homes: string[]; factor: number };

async function ensureGenerated(database: Database, size: ScaleSize, years: number, only?: Restriction): Promise<SyntheticDataSet> {
  await migrate(database);
  const existing = await syntheticDataSetOf(database.db);
  const same = (s: SyntheticDataSet) =>
    s.size === size && s.years === years && s.seed === SEED && s.today === DATA_TODAY && JSON.stringify(s.homes ?? null) === JSON.stringify(only?.homes ?? null) && (s.factor ?? 1) === (only?.factor ?? 1);
  if (existing && same(existing)) return existing;
  if (existing) throw new Error(`the bench database holds another data set (${JSON.stringify(existing)}); remove it`);
  await seedReferenceData(database.db);
  const started = performance.now();
  log(`generating ${size} × ${years} years${only ? ` of ${only.homes.join(', ')} × ${only.factor}` : ''} (once; kept for later runs) …`);
  await generateSyntheticData(database.db, { size, years, today: DATA_TODAY, seed: SEED, ...only }, (step) => log(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s ${step}`));
  log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const set = await syntheticDataSetOf(database.db);
  if (!set) throw new Error('the generator did not record its data set');
  return set;
}

/** A generated data set on PGlite, in bench/.data/<size>-<years>y (made on first use). */
export async function pgliteDataSet(size: ScaleSize, years: number): Promise<DataSet> {
  const name = `${size}-${years}y`;
  const dir = path.join(benchRoot, '.data', name);
  const fresh = !fs.existsSync(dir);
  const database = await openPglite(dir);
  try {
    const set = await ensureGenerated(database, size, years);
    if (fresh) log(`kept in ${path.relative(process.cwd(), dir)}`);
    return { database, set, kind: 'pglite', name };
  } catch (err) {
    await database.close();
    if (fresh) fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A generated data set on the PostgreSQL server, in database samkraft_bench_<size>_<years>y or the
 * `name` given (a data set restricted to some home municipalities has a database of its own).
 */
export async function postgresDataSet(size: ScaleSize, years: number, options: { name?: string; only?: Restriction } = {}): Promise<DataSet> {
  const { only } = options;
  const name = options.name ?? `samkraft_bench_${size}_${years}y`;
  const exists = await withAdminClient(postgresAdminUrl, async (admin) => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  if (!exists) await withAdminClient(postgresAdminUrl, (admin) => admin.query(`create database ${quoteIdent(name)}`));
  const database = await openPostgres(databaseUrl(postgresAdminUrl, name));
  try {
    return { database, set: await ensureGenerated(database, size, years, only), kind: 'postgres', name };
  } catch (err) {
    await database.close();
    if (!exists) await withAdminClient(postgresAdminUrl, (admin) => admin.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    throw err;
  }
}

/**
 * A copy of a PostgreSQL data set (`create database … template`), for benchmarks that add rows or
 * change it (the shared data set stays as generated). Made once; nobody may be connected to the
 * source while it is copied.
 */
export async function postgresCopy(source: string, name: string): Promise<void> {
  await withAdminClient(postgresAdminUrl, async (admin) => {
    if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1) return;
    log(`copying ${source} to ${name} (once; kept for later runs) …`);
    await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(source)}`);
  });
}

export async function postgresDatabaseExists(name: string): Promise<boolean> {
  return withAdminClient(postgresAdminUrl, async (admin) => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}
