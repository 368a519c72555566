import { sql } from 'kysely';
import { seedDemoData } from './features/demo/demo.seed.ts';
import { refreshReferenceData } from './features/reference-data/reference-data.seed.ts';
import { danishDate, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, openPostgres, type Database, type Db } from './platform/database/database.ts';
import { APP_ROLE, listMigrations, migrate, type Migration } from './platform/database/migrate.ts';

/** Demo data goes only into a database nobody has used: one without staff users. */
export async function hasNoStaff(db: Db): Promise<boolean> {
  const r = await sql<{ empty: boolean }>`select not exists (select 1 from staff_user) as empty`.execute(db);
  return r.rows[0]?.empty ?? true;
}

/**
 * Applies the migrations not yet applied. With DATABASE_MIGRATION_URL they run as that role, the
 * schema's owner, which also installs the job queue's schema and gives the server's role its
 * rights there; `database` (the server's own role) then only checks that nothing is pending.
 * Without it, `database`'s role migrates (it owns everything). Returns the names applied.
 */
export async function migrateDatabase(
  config: Pick<Config, 'databaseMigrationUrl'>,
  database: Database,
  migrations: Migration[] = listMigrations(),
): Promise<string[]> {
  let applied: string[] = [];
  if (config.databaseMigrationUrl && database.kind === 'postgres') {
    const owner = await openPostgres(config.databaseMigrationUrl, { poolSize: 1 });
    try {
      applied = await migrate(owner, migrations);
      const { installJobQueue } = await import('./features/jobs/job-dispatch.ts');
      await installJobQueue(owner, APP_ROLE);
    } finally {
      await owner.close();
    }
  }
  return [...applied, ...(await migrate(database, migrations))];
}

/**
 * Opens the database, applies migrations, refreshes reference data when this release's differs
 * from what the database holds (idempotent: it adds what is missing and never overwrites local
 * edits) and, in demo mode, seeds demo data into an empty database. A second start finds the
 * same reference data and staff users and leaves the data alone.
 */
export async function prepareDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'demo'> & Partial<Pick<Config, 'databaseMigrationUrl' | 'databasePoolSize' | 'databaseStatementTimeoutMs'>>,
  clock: Clock,
): Promise<{ database: Database; seeded: boolean; referenceDataSeeded: boolean }> {
  const database = await openDatabase(config);
  try {
    const migrations = listMigrations();
    await migrateDatabase({ databaseMigrationUrl: config.databaseMigrationUrl }, database, migrations);
    const referenceDataSeeded = await refreshReferenceData(database.db, migrations.at(-1)?.name ?? '');
    let seeded = false;
    if (config.demo && (await hasNoStaff(database.db))) {
      await seedDemoData(database.db, danishDate(clock.now()));
      seeded = true;
    }
    return { database, seeded, referenceDataSeeded };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}
