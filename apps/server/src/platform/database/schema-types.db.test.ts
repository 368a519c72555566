import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaTypes, schemaFile } from '../../../../../scripts/db-codegen.ts';
import { databaseUrl } from '../../test-support/postgres-admin.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import type { Database } from './database.ts';

// schema.ts is generated (`npm run db:types`) and committed; this regenerates it from a database
// migrated from scratch with the same options and fails when the two differ — a migration
// without new types, or types edited by hand. kysely-codegen introspects through a PostgreSQL
// server, so this runs in the db:postgres project only.

let database: Database;

describe.skipIf(testDatabaseKind() !== 'postgres')('schema.ts', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is what kysely-codegen makes of the migrations applied from scratch', async () => {
    const url = databaseUrl(process.env.SAMKRAFT_TEST_PG_URL!, database.location.split('/').pop()!);
    const root = path.resolve(import.meta.dirname, '../../../../..');
    expect(await generateSchemaTypes(url)).toBe(fs.readFileSync(path.join(root, schemaFile), 'utf8'));
  });
});
