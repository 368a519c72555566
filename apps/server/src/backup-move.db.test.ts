import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './features/demo/demo.seed.ts';
import { seedReferenceData } from './features/reference-data/reference-data.seed.ts';
import { audit } from './platform/audit/audit.ts';
import { backupDatabase } from './platform/database/backup.ts';
import { restoreDatabase } from './platform/database/backup.ts';
import { openPglite, openPostgres, type Database } from './platform/database/database.ts';
import { listMigrations, migrate } from './platform/database/migrate.ts';
import { tableHashes, type TableHash } from './test-support/table-hashes.ts';
import { createPostgresTestDatabase, testDatabaseKind } from './test-support/test-database.ts';

/*
 * A laptop's data moved to a server: a backup of the embedded database (the demo journey)
 * restored into an empty PostgreSQL database equals its source in every table, with the
 * migration history, sequences, triggers and the server role's grants. On the PostgreSQL project
 * only (it needs both databases).
 */

const known = listMigrations().map((m) => m.name);
let tmp: string;
let source: Database;
let target: Database;
let sourceHashes: TableHash[];
const cleanup: (() => Promise<void>)[] = [];

describe.skipIf(testDatabaseKind() !== 'postgres')('an embedded backup restored into PostgreSQL', () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-backup-move-'));
    source = await openPglite(undefined);
    await migrate(source);
    await seedReferenceData(source.db);
    await seedDemoData(source.db, '2026-03-18');
    await audit(source.db, { actor: { kind: 'system', name: 'backup-test' } }, [1, 2].map(() => ({ action: 'backup.test', citizenId: null, outcome: 'allowed' as const })));
    const file = path.join(tmp, 'laptop.samkraft-backup');
    await backupDatabase({ kind: 'pglite', database: source }, file, { samkraftVersion: 'test', now: new Date('2026-03-18T10:00:00Z') });
    sourceHashes = await tableHashes(source);
    const empty = await createPostgresTestDatabase({ empty: true });
    cleanup.push(() => empty.database.close());
    await restoreDatabase({ kind: 'postgres', url: empty.url }, file, known);
    target = await openPostgres(empty.url);
  }, 180_000);

  afterAll(async () => {
    await target?.close();
    await source?.close();
    for (const fn of cleanup) await fn();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('has every table with the same rows and content', async () => {
    expect(sourceHashes.find((t) => t.name === 'public.audit_event')?.n).toBe('2');
    expect(await tableHashes(target)).toEqual(sourceHashes);
  });

  it('is at the same migration level, with nothing to migrate, and hands out the next identity', async () => {
    expect(await migrate(target)).toEqual([]);
    const next = async (database: Database) =>
      (await database.executeSql(`insert into audit_event (actor_label, action, outcome) values ('backup-test', 'backup.test', 'allowed') returning id::text as id`)).rows[0]?.id;
    expect(await next(target)).toBe(await next(source));
  });

  it('keeps the audit log append-only, and grants the server role its rights', async () => {
    await expect(target.executeSql(`update audit_event set actor_label = 'x'`)).rejects.toThrow(/append-only/);
    const onAudit = await target.executeSql(`select privilege_type from information_schema.role_table_grants where grantee = 'samkraft_app' and table_name = 'audit_event' order by 1`);
    expect(onAudit.rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });
});
