import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './features/demo/demo.seed.ts';
import { seedReferenceData } from './features/reference-data/reference-data.seed.ts';
import { tableHashes, type TableHash } from './test-support/table-hashes.ts';
import { createPostgresTestDatabase, createTestDatabase, testDatabaseKind } from './test-support/test-database.ts';
import { audit } from './platform/audit/audit.ts';
import { decodeHeader, encodeHeader } from './platform/database/backup-file.ts';
import { backupDatabase, restoreDatabase, type BackupSummary, type RestoreTarget } from './platform/database/backup.ts';
import { openPglite, openPostgres, type Database } from './platform/database/database.ts';
import { listMigrations, migrate } from './platform/database/migrate.ts';

/*
 * Issue 15's acceptance: a backup of the demo journey, restored into a fresh empty database,
 * equals its source in every table of the catalogue — rows and content — with the migration
 * history, sequences, triggers and (PostgreSQL) the server role's grants.
 */

const kind = testDatabaseKind();
const known = listMigrations().map((m) => m.name);
const TODAY = '2026-03-18';

let tmp: string;
let file: string;
let source: Database;
let sourceUrl = '';
let restored: Database;
let restoredTarget: RestoreTarget;
let backedUp: BackupSummary;
let restoredSummary: BackupSummary;
/** The source's tables as backed up (a test below writes to it). */
let sourceHashes: TableHash[];
const cleanup: (() => Promise<void>)[] = [];

async function emptyTarget(): Promise<RestoreTarget> {
  if (kind === 'pglite') return { kind: 'pglite', dataDir: path.join(tmp, `data-${cleanup.length}`) };
  const empty = await createPostgresTestDatabase({ empty: true });
  cleanup.push(() => empty.database.close());
  return { kind: 'postgres', url: empty.url };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-backup-'));
  if (kind === 'postgres') {
    const created = await createPostgresTestDatabase();
    source = created.database;
    sourceUrl = created.url;
  } else {
    source = await createTestDatabase();
  }
  await seedReferenceData(source.db);
  await seedDemoData(source.db, TODAY);
  // The demo journey reads nobody's data yet; a few audit events put the identity past its start.
  await audit(source.db, { actor: { kind: 'system', name: 'backup-test' } }, [1, 2, 3].map(() => ({ action: 'backup.test', citizenId: null, outcome: 'allowed' as const })));
  file = path.join(tmp, 'demo.samkraft-backup');
  backedUp = await backupDatabase(kind === 'pglite' ? { kind, database: source } : { kind, url: sourceUrl }, file, { samkraftVersion: 'test', now: new Date('2026-03-18T10:00:00Z') });
  sourceHashes = await tableHashes(source);
  restoredTarget = await emptyTarget();
  restoredSummary = await restoreDatabase(restoredTarget, file, known);
  restored = restoredTarget.kind === 'pglite' ? await openPglite(restoredTarget.dataDir) : await openPostgres(restoredTarget.url);
}, 120_000);

afterAll(async () => {
  await restored.close();
  await source.close();
  for (const fn of cleanup) await fn();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const sequences = (database: Database) =>
  database.withScriptRunner((run) => run(`select schemaname, sequencename, last_value::text as last_value from pg_sequences order by 1, 2`));
const triggers = (database: Database) =>
  database.withScriptRunner((run) => run(`select tgrelid::regclass::text as rel, tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal order by 1, 2`));
const grants = (database: Database) =>
  database.withScriptRunner((run) => run(`select table_schema, table_name, privilege_type from information_schema.role_table_grants where grantee = 'samkraft_app' order by 1, 2, 3`));

const RESTORER = 'samkraft_test_restorer';

const defaultPrivileges = (database: Database) =>
  database.withScriptRunner((run) => run(`select defaclrole::regrole::text as role, defaclnamespace::regnamespace::text as schema, defaclobjtype, defaclacl::text as acl from pg_default_acl order by 1, 2, 3`));

describe(`backup and restore (${kind})`, () => {
  it('writes a file readable by its owner only, with a manifest of the source', () => {
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const { manifest } = decodeHeader(fs.readFileSync(file));
    expect(manifest).toMatchObject({ source: kind, migration: known.at(-1), migrations: known.length, format: kind === 'pglite' ? 'pglite-datadir' : 'pg_dump-custom' });
    expect(backedUp.tables).toBeGreaterThan(40);
    expect(backedUp.rows).toBeGreaterThan(1000);
    expect(restoredSummary.rows).toBe(backedUp.rows);
  });

  it('restores every table of the catalogue with the same rows and content', async () => {
    const [before, after] = [sourceHashes, await tableHashes(restored)];
    expect(before.length).toBeGreaterThan(40);
    expect(before.find((t) => t.name === 'public.audit_event')?.n).not.toBe('0');
    expect(after).toEqual(before);
  });

  it('brings the migration history, so the server starts on it with nothing to migrate', async () => {
    const level = await sql<{ name: string }>`select name from schema_migration order by name`.execute(restored.db);
    expect(level.rows.map((r) => r.name)).toEqual(known);
    expect(await migrate(restored)).toEqual([]);
  });

  it('brings sequences and identities at their values, and the triggers', async () => {
    expect(await sequences(restored)).toEqual(await sequences(source));
    expect(await triggers(restored)).toEqual(await triggers(source));
    const next = async (database: Database) => {
      const r = await sql<{ id: string }>`insert into audit_event (actor_label, action, outcome) values ('backup-test', 'backup.test', 'allowed') returning id::text as id`.execute(database.db);
      return r.rows[0]?.id;
    };
    expect(await next(restored)).toBe(await next(source));
    await expect(sql`update audit_event set actor_label = 'x'`.execute(restored.db)).rejects.toThrow(/append-only/);
  });

  it.runIf(kind === 'postgres')('brings the server role’s grants (the audit log only appended to)', async () => {
    const restoredGrants = await grants(restored);
    expect(restoredGrants).toEqual(await grants(source));
    const onAudit = restoredGrants.filter((g) => g.table_name === 'audit_event').map((g) => g.privilege_type);
    expect(onAudit.sort()).toEqual(['INSERT', 'SELECT']);
    // …and on the tables later migrations create (the default privileges, given as the restoring role).
    expect(await defaultPrivileges(restored)).toEqual(await defaultPrivileges(source));
    expect((await defaultPrivileges(restored)).length).toBe(3);
  });

  it.runIf(kind === 'postgres')('restores as another role — the schema’s owner on another server — which then owns it all', async () => {
    const target = await createPostgresTestDatabase({ empty: true });
    cleanup.push(() => target.database.close());
    // A login role of the test server, shared by the runs on it (as app-role.db.test.ts's).
    await target.database.executeSql(`do $$ begin create role ${RESTORER} login; exception when duplicate_object or unique_violation then null; end $$`);
    await target.database.executeSql(`alter database "${new URL(target.url).pathname.slice(1)}" owner to ${RESTORER}`);
    const url = new URL(target.url);
    url.username = RESTORER;
    url.password = '';
    await restoreDatabase({ kind: 'postgres', url: url.toString() }, file, known);
    const owners = await target.database.executeSql(`select distinct tableowner::text as owner from pg_tables where schemaname = 'public'`);
    expect(owners.rows).toEqual([{ owner: RESTORER }]);
    expect(await grants(target.database)).toEqual(await grants(source));
    const defaults = await defaultPrivileges(target.database);
    expect(defaults.map((d) => d.role)).toEqual([RESTORER, RESTORER, RESTORER]);
    expect(await tableHashes(target.database)).toEqual(sourceHashes);
  });

  it('refuses to restore into a database that is not empty', async () => {
    await expect(restoreDatabase(restoredTarget, file, known)).rejects.toThrow(/is not empty/);
  });

  describe('refuses a file it cannot use, naming why, and leaves the target alone', () => {
    const variant = (name: string, bytes: Buffer) => {
      const f = path.join(tmp, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const refused = async (f: string, why: RegExp) => {
      const target: RestoreTarget = kind === 'pglite' ? { kind, dataDir: path.join(tmp, 'never') } : restoredTarget;
      await expect(restoreDatabase(target, f, known)).rejects.toThrow(why);
      if (target.kind === 'pglite') expect(fs.existsSync(target.dataDir)).toBe(false);
    };

    it('a foreign file', async () => {
      await refused(variant('foreign.sql', Buffer.from('-- PostgreSQL database dump\nselect 1;\n')), /not a Samkraft backup/);
    });

    it('a damaged one: a byte changed, cut short', async () => {
      const bytes = fs.readFileSync(file);
      const flipped = Buffer.from(bytes);
      flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 0xff;
      await refused(variant('flipped', flipped), /damaged: its dump does not match/);
      await refused(variant('short', bytes.subarray(0, bytes.length - 10)), /damaged: its dump has/);
      await refused(variant('no-manifest', Buffer.from('SAMKRAFT-BACKUP 1\n{"source":"pglite"}\n')), /manifest is damaged/);
    });

    it('one of a newer Samkraft, or of the other kind of database', async () => {
      const bytes = fs.readFileSync(file);
      const { manifest, payloadOffset } = decodeHeader(bytes);
      const payload = bytes.subarray(payloadOffset);
      const newer = encodeHeader({ ...manifest, migration: '9999_from_the_future', migrations: known.length + 1 });
      await refused(variant('newer', Buffer.concat([newer, payload])), /newer Samkraft .*9999_from_the_future/);
      const other = encodeHeader({ ...manifest, source: kind === 'pglite' ? 'postgres' : 'pglite', format: kind === 'pglite' ? 'pg_dump-custom' : 'pglite-datadir' });
      // An embedded backup goes into PostgreSQL too (backup-move.db.test.ts), but this one's dump is no data folder.
      await refused(variant('other', Buffer.concat([other, payload])), kind === 'pglite' ? /its dump is not a pg_dump archive/ : /its dump is not a gzipped tarball of a data folder/);
      const mismatch = Buffer.from(`SAMKRAFT-BACKUP 1\n${JSON.stringify({ ...manifest, source: kind === 'pglite' ? 'postgres' : 'pglite' })}\n`);
      await refused(variant('mismatch', Buffer.concat([mismatch, payload])), /manifest is damaged \(format: the source and the format do not match\)/);
    });
  });
});
