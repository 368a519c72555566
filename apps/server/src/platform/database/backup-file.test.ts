import { describe, expect, it } from 'vitest';
import { checkMigrationLevel, decodeHeader, encodeHeader, type BackupManifest } from './backup-file.ts';
import { pickPgTool } from './backup-postgres.ts';

const manifest: BackupManifest = {
  samkraftVersion: '0.1.0',
  createdAt: '2026-03-18T10:00:00.000Z',
  source: 'postgres',
  format: 'pg_dump-custom',
  migration: '0002_b.sql',
  migrations: 2,
  postgresVersion: '15.20',
  pgDumpVersion: '15.20',
  tables: { 'public.citizen': 3 },
  payloadBytes: 4,
  payloadSha256: 'a'.repeat(64),
};

describe('the backup file’s header', () => {
  it('reads back what it wrote, and where the dump starts', () => {
    const header = encodeHeader(manifest);
    const file = Buffer.concat([header, Buffer.from('PGDM')]);
    expect(decodeHeader(file)).toEqual({ manifest, payloadOffset: header.length });
  });

  it('names why it refuses a file', () => {
    expect(() => decodeHeader(Buffer.from('PGDMP\u0001\u000e'))).toThrow(/not a Samkraft backup/);
    expect(() => decodeHeader(Buffer.from('SAMKRAFT-BACKUP 1\n{"source":'))).toThrow(/cut short/);
    expect(() => decodeHeader(Buffer.from('SAMKRAFT-BACKUP 1\n{"source":"sqlite"}\n'))).toThrow(/manifest is damaged \(.*source/);
    expect(() => decodeHeader(Buffer.from('SAMKRAFT-BACKUP 1\nnot json\n'))).toThrow(/manifest is damaged \(not JSON\)/);
  });
});

describe('checkMigrationLevel', () => {
  it('takes a backup at or below the code’s migrations (newer ones run at start)', () => {
    expect(() => checkMigrationLevel(manifest, ['0001_a.sql', '0002_b.sql'])).not.toThrow();
    expect(() => checkMigrationLevel(manifest, ['0001_a.sql', '0002_b.sql', '0003_c.sql'])).not.toThrow();
  });

  it('refuses one of a newer Samkraft, naming both levels', () => {
    expect(() => checkMigrationLevel(manifest, ['0001_a.sql'])).toThrow(/newer Samkraft \(0\.1\.0, migration 0002_b\.sql\) than this one knows \(up to 0001_a\.sql\)/);
  });
});

describe('pickPgTool', () => {
  const tools = [
    { file: '/usr/bin/pg_dump', version: '15.20', major: 15 },
    { file: '/usr/lib/postgresql/17/bin/pg_dump', version: '17.2', major: 17 },
  ];

  it('takes the oldest able to handle the server, so older pg_restores read the archive', () => {
    expect(pickPgTool('pg_dump', 14, tools, 'a backup').major).toBe(15);
    expect(pickPgTool('pg_dump', 16, tools, 'a backup').major).toBe(17);
  });

  it('says which client tools to install when none is new enough', () => {
    expect(() => pickPgTool('pg_dump', 18, tools, 'a backup of PostgreSQL 18.1')).toThrow(
      /a backup of PostgreSQL 18\.1 needs pg_dump 18 or newer \(found only \/usr\/bin\/pg_dump 15\.20, .*\): install the PostgreSQL 18 client tools \(Debian: postgresql-client-18\)/,
    );
    expect(() => pickPgTool('pg_restore', 15, [], 'a restore')).toThrow(/found none/);
  });
});
