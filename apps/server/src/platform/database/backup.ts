import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { BackupError, checkMigrationLevel, readBackupFile, writeBackupFile, type BackupManifest } from './backup-file.ts';
import { movePgliteIntoPostgres } from './backup-move.ts';
import { findPgTools, pgDump, pgRestore, pickPgTool } from './backup-postgres.ts';
import { appliedMigrations, beginExportedSnapshot, countTableRows, countUserRelations, ensureAppRole, grantDefaultPrivileges, serverVersion } from './backup.repository.ts';
import { errorText, openPglite, openPostgres, type Database, type ScriptRunner } from './database.ts';
import { APP_ROLE } from './migrate.ts';

/*
 * Backup and restore of the whole database (issue 15). PostgreSQL: pg_dump's custom archive,
 * restored by pg_restore into an empty database. Embedded: PGlite's data folder as a tarball
 * (`dumpDataDir`), restored by opening a new folder on it (`loadDataDir`) — an exact copy for the
 * same PGlite — or moved into an empty PostgreSQL database, table by table (backup-move.ts: a
 * laptop's data to a server). Either way the file starts with a manifest (backup-file.ts) and a
 * restore checks the rows of every table against it.
 */

/** What to back up: an open embedded database, or a PostgreSQL server by URL (the schema owner's). */
export type BackupSource = { kind: 'pglite'; database: Database } | { kind: 'postgres'; url: string };
/** Where to restore: a new embedded data folder, or an empty PostgreSQL database by URL (either kind of backup). */
export type RestoreTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type BackupSummary = { manifest: BackupManifest; tables: number; rows: number; bytes: number; seconds: number };

const sum = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

function summary(manifest: BackupManifest, bytes: number, started: number): BackupSummary {
  return { manifest, tables: Object.keys(manifest.tables).length, rows: sum(manifest.tables), bytes, seconds: (performance.now() - started) / 1000 };
}

type Snapshot = Pick<BackupManifest, 'migration' | 'migrations' | 'postgresVersion' | 'tables'>;

async function snapshotOf(run: ScriptRunner): Promise<Snapshot> {
  const migrations = await appliedMigrations(run);
  if (migrations.length === 0) throw new BackupError('the database holds no Samkraft schema (no migration applied): nothing to back up');
  return { migration: migrations.at(-1) ?? '', migrations: migrations.length, postgresVersion: (await serverVersion(run)).version, tables: await countTableRows(run) };
}

function pgliteOf(database: Database): PGlite {
  const pglite = (database as unknown as { pglite?: PGlite }).pglite;
  if (database.kind !== 'pglite' || !pglite) throw new Error('not an embedded database');
  return pglite;
}

/**
 * Writes a backup of `source` to the new file `out` (owner-only permissions; an existing file is
 * refused). The rows counted are those dumped: on PostgreSQL pg_dump shares the snapshot of the
 * transaction that counts them; PGlite is one connection, held by this process.
 */
export async function backupDatabase(source: BackupSource, out: string, opts: { samkraftVersion: string; now: Date }): Promise<BackupSummary> {
  const started = performance.now();
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; a backup never overwrites a file`);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  try {
    let snapshot: Snapshot;
    let pgDumpVersion: string | undefined;
    if (source.kind === 'pglite') {
      snapshot = await source.database.withScriptRunner(snapshotOf);
      // Everything on disk first, so the folder's tarball needs no recovery when it is opened.
      await source.database.withScriptRunner((run) => run('checkpoint'));
      const tarball = await pgliteOf(source.database).dumpDataDir('gzip');
      fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    } else {
      const database = await openPostgres(source.url, { poolSize: 1 });
      try {
        snapshot = await database.withScriptRunner(async (run) => {
          const server = await serverVersion(run);
          const tool = pickPgTool('pg_dump', server.major, findPgTools('pg_dump'), `a backup of PostgreSQL ${server.version}`);
          pgDumpVersion = tool.version;
          const exported = await beginExportedSnapshot(run);
          try {
            const counted = await snapshotOf(run);
            await pgDump(tool, source.url, partial, exported);
            return counted;
          } finally {
            await run('rollback');
          }
        });
      } finally {
        await database.close();
      }
    }
    const manifest = {
      samkraftVersion: opts.samkraftVersion,
      createdAt: opts.now.toISOString(),
      source: source.kind,
      format: source.kind === 'pglite' ? ('pglite-datadir' as const) : ('pg_dump-custom' as const),
      ...snapshot,
      ...(pgDumpVersion ? { pgDumpVersion } : {}),
    };
    const bytes = await writeBackupFile(out, manifest, partial);
    const { manifest: written } = await readBackupFile(out);
    return summary(written, bytes, started);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Restores the backup `file` into `target`, which must be empty: a data folder without a database,
 * or a PostgreSQL database without tables. Refuses, before touching the target, a file that is
 * not a whole Samkraft backup, one of the other kind of database, or one from a newer schema than
 * `knownMigrations`. Afterwards every table's rows are checked against the manifest.
 */
export async function restoreDatabase(target: RestoreTarget, file: string, knownMigrations: readonly string[]): Promise<BackupSummary> {
  const started = performance.now();
  const { manifest, payloadOffset } = await readBackupFile(file);
  if (manifest.source === 'postgres' && target.kind === 'pglite') {
    throw new BackupError('this is a backup of a PostgreSQL server; it restores only into a PostgreSQL database (set DATABASE_URL)');
  }
  checkMigrationLevel(manifest, knownMigrations);
  const restored =
    target.kind === 'pglite'
      ? await restorePglite(target.dataDir, file, payloadOffset)
      : manifest.source === 'pglite'
        ? await movePgliteIntoPostgres(target.url, file, payloadOffset)
        : await restorePostgres(target.url, manifest, file, payloadOffset);
  const missing = Object.keys(manifest.tables).filter((t) => restored[t] !== manifest.tables[t]);
  if (missing.length > 0 || Object.keys(restored).length !== Object.keys(manifest.tables).length) {
    const detail = missing.slice(0, 5).map((t) => `${t}: ${restored[t] ?? 'missing'} rows, the backup had ${manifest.tables[t]}`);
    throw new BackupError(`the restored database differs from the backup’s manifest (${detail.join('; ') || 'other tables'})`);
  }
  return summary(manifest, fs.statSync(file).size, started);
}

async function restorePglite(dataDir: string, file: string, offset: number): Promise<Record<string, number>> {
  // The folder may hold other things (the message drop, SAMKRAFT_MESSAGES_DIR, by default), but no database.
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`the data folder ${dataDir} is not empty: it already holds a database; restore only into a new folder (SAMKRAFT_DATA_DIR), or move the old one aside first`);
  }
  const existed = fs.existsSync(dataDir);
  const before = new Set(existed ? fs.readdirSync(dataDir) : []);
  let database: Database | undefined;
  try {
    const tarball = (await fs.openAsBlob(file)).slice(offset);
    database = await openPglite(dataDir, tarball);
    return await database.withScriptRunner(countTableRows);
  } catch (err) {
    await database?.close().catch(() => undefined);
    database = undefined;
    // Leave no half-restored database behind to be mistaken for one.
    if (!existed) fs.rmSync(dataDir, { recursive: true, force: true });
    else for (const entry of fs.readdirSync(dataDir)) if (!before.has(entry)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    throw err instanceof BackupError ? err : new BackupError(`the embedded database could not be restored: ${errorText(err)}`);
  } finally {
    await database?.close();
  }
}

async function restorePostgres(url: string, manifest: BackupManifest, file: string, offset: number): Promise<Record<string, number>> {
  const target = await openPostgres(url, { poolSize: 1 });
  try {
    await target.withScriptRunner(async (run) => {
      const relations = await countUserRelations(run);
      if (relations > 0) {
        const migrations = await appliedMigrations(run);
        const level = migrations.length ? `, at migration ${migrations.at(-1) ?? ''}` : '';
        throw new BackupError(`the target database ${target.location} is not empty (it holds ${relations} tables, views or sequences${level}); restore only into an empty database (createdb a new one)`);
      }
      try {
        await ensureAppRole(run, APP_ROLE);
      } catch (err) {
        throw new BackupError(`the backup grants rights to the role ${APP_ROLE}, which this server lacks and this user may not create (${errorText(err)}): ask a DBA for CREATE ROLE ${APP_ROLE} NOLOGIN`);
      }
    });
  } finally {
    await target.close();
  }
  const archiveMajor = Number(/^\d+/.exec(manifest.pgDumpVersion ?? '')?.[0] ?? 0);
  const tool = pickPgTool('pg_restore', archiveMajor, findPgTools('pg_restore'), `a restore of an archive written by pg_dump ${manifest.pgDumpVersion ?? '(unknown)'}`);
  await pgRestore(tool, url, file, offset);
  const restored = await openPostgres(url, { poolSize: 1 });
  try {
    return await restored.withScriptRunner(async (run) => {
      await grantDefaultPrivileges(run, APP_ROLE);
      return countTableRows(run);
    });
  } finally {
    await restored.close();
  }
}
