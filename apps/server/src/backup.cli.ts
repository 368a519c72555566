/**
 * The CLI's `backup` and `restore` (see cli.ts and platform/database/backup.ts). Each is audited
 * as the system actor `backup-cli` — what was done, never whose data — and tells what it did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { audit } from './platform/audit/audit.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { BackupError } from './platform/database/backup-file.ts';
import { backupDatabase, restoreDatabase, type BackupSummary } from './platform/database/backup.ts';
import { openDatabase, openPglite } from './platform/database/database.ts';
import { listMigrations } from './platform/database/migrate.ts';
import type { Json } from './platform/database/schema.ts';

export const BACKUP_CLI_ACTOR = { kind: 'system', name: 'backup-cli' } as const;

type BackupConfig = Pick<Config, 'databaseUrl' | 'databaseMigrationUrl' | 'dataDir'>;

function fileArg(args: string[], name: 'out' | 'from'): string {
  const { values } = parseArgs({ args, options: { [name]: { type: 'string' } } });
  const file = values[name];
  if (typeof file !== 'string' || file === '') throw new BackupError(`give the backup file: --${name} <file>`);
  return path.resolve(file);
}

function describe(s: BackupSummary): string {
  const mb = (s.bytes / 1024 / 1024).toFixed(1);
  return `${s.tables} tables, ${s.rows} rows, ${s.bytes} bytes (${mb} MB) in ${s.seconds.toFixed(1)} s`;
}

function detail(file: string, s: BackupSummary): Json {
  const m = s.manifest;
  return { file, source: m.source, format: m.format, createdAt: m.createdAt, samkraftVersion: m.samkraftVersion, migration: m.migration, tables: s.tables, rows: s.rows, bytes: s.bytes, seconds: Math.round(s.seconds * 10) / 10 };
}

const samkraftVersion = () => process.env.npm_package_version ?? 'unknown';

/**
 * `backup --out <file>`: the whole database into a new owner-only file. PostgreSQL is dumped as
 * the schema owner (DATABASE_MIGRATION_URL, else DATABASE_URL); the embedded database is read from
 * its folder, so the server must not have it open.
 */
export async function backupCommand(config: BackupConfig, args: string[], clock: Clock): Promise<string[]> {
  const out = fileArg(args, 'out');
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; a backup never overwrites a file`);
  if (config.databaseUrl) {
    const url = config.databaseMigrationUrl ?? config.databaseUrl;
    const summary = await backupDatabase({ kind: 'postgres', url }, out, { samkraftVersion: samkraftVersion(), now: clock.now() });
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, databasePoolSize: 1 });
    try {
      await audit(database.db, { actor: BACKUP_CLI_ACTOR }, [{ action: 'backup.create', citizenId: null, entityType: 'database', outcome: 'allowed', detail: detail(out, summary) }]);
    } finally {
      await database.close();
    }
    return [`backed up PostgreSQL ${database.location} to ${out} (readable by its owner only): ${describe(summary)}, migration ${summary.manifest.migration}`];
  }
  if (!fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))) throw new BackupError(`no embedded database in ${config.dataDir} (SAMKRAFT_DATA_DIR) to back up`);
  const database = await openPglite(config.dataDir);
  try {
    const summary = await backupDatabase({ kind: 'pglite', database }, out, { samkraftVersion: samkraftVersion(), now: clock.now() });
    await audit(database.db, { actor: BACKUP_CLI_ACTOR }, [{ action: 'backup.create', citizenId: null, entityType: 'database', outcome: 'allowed', detail: detail(out, summary) }]);
    return [`backed up the embedded database in ${config.dataDir} to ${out} (readable by its owner only): ${describe(summary)}, migration ${summary.manifest.migration}`];
  } finally {
    await database.close();
  }
}

/**
 * `restore --from <file>`: a backup into an empty database — a PostgreSQL database without tables
 * (restored as DATABASE_MIGRATION_URL's role, else DATABASE_URL's), or a data folder without a
 * database. The server then starts on it and applies only migrations newer than the backup.
 */
export async function restoreCommand(config: BackupConfig, args: string[]): Promise<string[]> {
  const file = fileArg(args, 'from');
  const target = config.databaseUrl ? { kind: 'postgres' as const, url: config.databaseMigrationUrl ?? config.databaseUrl } : { kind: 'pglite' as const, dataDir: config.dataDir };
  const summary = await restoreDatabase(target, file, listMigrations().map((m) => m.name));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, databasePoolSize: 1 });
  try {
    await audit(database.db, { actor: BACKUP_CLI_ACTOR }, [{ action: 'backup.restore', citizenId: null, entityType: 'database', outcome: 'allowed', detail: detail(file, summary) }]);
  } finally {
    await database.close();
  }
  const m = summary.manifest;
  return [
    `restored ${file} into ${database.location}: ${describe(summary)}, every table's rows as the backup's manifest says`,
    `(a backup of ${m.source === 'pglite' ? 'the embedded database' : 'PostgreSQL'} at migration ${m.migration}, made ${m.createdAt} by Samkraft ${m.samkraftVersion})`,
  ];
}
