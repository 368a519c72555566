import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupCommand, restoreCommand } from './backup.cli.ts';
import { fixedClock } from './platform/clock.ts';
import { openDatabase, openPglite, type Database } from './platform/database/database.ts';
import { migrate } from './platform/database/migrate.ts';
import { createPostgresTestDatabase, testDatabaseKind } from './test-support/test-database.ts';

/*
 * The commands around backup.ts (whose round trip backup.db.test.ts checks): each is audited as
 * the system actor backup-cli, with what was done and no citizen, and says what it did.
 */

const kind = testDatabaseKind();
let tmp: string;
type Config = Parameters<typeof backupCommand>[0];
let sourceConfig: Config;
let targetConfig: Config;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-backup-cli-'));
  if (kind === 'postgres') {
    const source = await createPostgresTestDatabase();
    const target = await createPostgresTestDatabase({ empty: true });
    cleanup.push(() => source.database.close(), () => target.database.close());
    sourceConfig = { databaseUrl: source.url, databaseMigrationUrl: undefined, dataDir: tmp };
    targetConfig = { databaseUrl: target.url, databaseMigrationUrl: undefined, dataDir: tmp };
  } else {
    const dataDir = path.join(tmp, 'source');
    // The run's migrated template as the source's folder (migrating a folder from scratch is slow).
    const template = inject('samkraftPgliteTemplate');
    const source = template ? await openPglite(dataDir, new Blob([fs.readFileSync(template)])) : await openPglite(dataDir);
    if (!template) await migrate(source);
    await source.close();
    sourceConfig = { databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir };
    targetConfig = { databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: path.join(tmp, 'target') };
  }
}, 60_000);

afterAll(async () => {
  for (const fn of cleanup) await fn();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function auditEvents(config: Config): Promise<{ actor_label: string; action: string; citizen_id: string | null; detail: unknown }[]> {
  const database: Database = await openDatabase({ ...config, databaseUrl: config.databaseUrl });
  try {
    return await database.db.selectFrom('audit_event').select(['actor_label', 'action', 'citizen_id', 'detail']).orderBy('id').execute();
  } finally {
    await database.close();
  }
}

describe(`npm run cli -- backup / restore (${kind})`, () => {
  it('backs up, restores, audits both as backup-cli and says what it did', async () => {
    const file = path.join(tmp, 'cli.samkraft-backup');
    const backedUp = await backupCommand(sourceConfig, ['--out', file], fixedClock('2026-03-18T10:00:00Z'));
    expect(backedUp.join('\n')).toMatch(/^backed up .* to .*cli\.samkraft-backup \(readable by its owner only\): \d+ tables, \d+ rows, \d+ bytes .* in [\d.]+ s, migration \d{4}_/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const restored = await restoreCommand(targetConfig, ['--from', file]);
    expect(restored.join('\n')).toMatch(/^restored .* \d+ tables, \d+ rows, \d+ bytes .* every table's rows as the backup's manifest says\n\(a backup of .* made 2026-03-18T10:00:00.000Z/);

    const sourceEvents = await auditEvents(sourceConfig);
    expect(sourceEvents.map((e) => [e.actor_label, e.action, e.citizen_id])).toEqual([['system:backup-cli', 'backup.create', null]]);
    expect(sourceEvents[0]?.detail).toMatchObject({ file, source: kind, createdAt: '2026-03-18T10:00:00.000Z' });
    // The backup was taken before its own event: the restored database has only the restore's.
    const targetEvents = await auditEvents(targetConfig);
    expect(targetEvents.map((e) => [e.actor_label, e.action, e.citizen_id])).toEqual([['system:backup-cli', 'backup.restore', null]]);
  });

  it('needs the file named, and never overwrites one', async () => {
    await expect(backupCommand(sourceConfig, [], fixedClock('2026-03-18T10:00:00Z'))).rejects.toThrow(/--out <file>/);
    await expect(restoreCommand(targetConfig, [])).rejects.toThrow(/--from <file>/);
    const existing = path.join(tmp, 'existing');
    fs.writeFileSync(existing, 'keep me');
    await expect(backupCommand(sourceConfig, ['--out', existing], fixedClock('2026-03-18T10:00:00Z'))).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  });
});
