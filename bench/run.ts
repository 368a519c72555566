/**
 * `npm run bench [-- <name>…]`: runs the benchmarks on PGlite (in memory) and on PostgreSQL
 * (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test), each in a fresh database this
 * script creates and drops. A benchmark is a module in this folder registered below; it gets an
 * opened, migrated database with reference data and reports its own measurements.
 */
import { seedReferenceData } from '../apps/server/src/features/reference-data/reference-data.seed.ts';
import { openPglite, openPostgres, type Database } from '../apps/server/src/platform/database/database.ts';
import { migrate } from '../apps/server/src/platform/database/migrate.ts';
import { databaseUrl, quoteIdent, withAdminClient } from '../apps/server/src/test-support/postgres-admin.ts';
import { extractImportBenchmark } from './extract-import.bench.ts';

export type Measurement = { label: string; rows: number; ms: number };

export type Benchmark = {
  name: string;
  /** Prepared once (outside the timings), shared by both databases. */
  prepare(): Promise<unknown>;
  run(database: Database, prepared: unknown): Promise<Measurement[]>;
};

const benchmarks: Benchmark[] = [extractImportBenchmark];

const postgresAdminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withDatabase<T>(kind: 'pglite' | 'postgres', fn: (database: Database) => Promise<T>): Promise<T> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined);
    try {
      await migrate(database);
      await seedReferenceData(database.db);
      return await fn(database);
    } finally {
      await database.close();
    }
  }
  const name = `samkraft_bench_${process.pid}`;
  await withAdminClient(postgresAdminUrl, (admin) => admin.query(`create database ${quoteIdent(name)}`));
  try {
    const database = await openPostgres(databaseUrl(postgresAdminUrl, name));
    try {
      await migrate(database);
      await seedReferenceData(database.db);
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    await withAdminClient(postgresAdminUrl, (admin) => admin.query(`drop database if exists ${quoteIdent(name)} with (force)`));
  }
}

const format = (m: Measurement) =>
  `${m.label.padEnd(44)} ${String(m.rows).padStart(8)} rows ${(m.ms / 1000).toFixed(2).padStart(8)} s ${Math.round(m.rows / (m.ms / 1000)).toLocaleString('en').padStart(10)} rows/s`;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? benchmarks.filter((b) => only.includes(b.name)) : benchmarks;
  if (selected.length === 0) throw new Error(`no benchmark named ${only.join(', ')} (have: ${benchmarks.map((b) => b.name).join(', ')})`);
  for (const bench of selected) {
    process.stdout.write(`\n${bench.name}\n`);
    const prepared = await bench.prepare();
    for (const kind of ['pglite', 'postgres'] as const) {
      const results = await withDatabase(kind, (database) => bench.run(database, prepared));
      for (const m of results) process.stdout.write(`  ${kind.padEnd(9)} ${format(m)}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
