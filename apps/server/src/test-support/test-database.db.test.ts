import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/database/database.ts';
import { listMigrations } from '../platform/database/migrate.ts';
import { createTestDatabase, testDatabaseKind } from './test-database.ts';

describe(`createTestDatabase on ${testDatabaseKind()}`, () => {
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('gives a database of the kind the project asks for', () => {
    expect(first.kind).toBe(testDatabaseKind());
    expect(second.kind).toBe(testDatabaseKind());
  });

  it('gives databases with every migration applied', async () => {
    const expected = listMigrations().map((m) => m.name);
    for (const database of [first, second]) {
      const applied = await database.withScriptRunner((run) => run('select name from schema_migration order by name'));
      expect(applied.map((r) => r.name)).toEqual(expected);
    }
  });

  it('keeps the databases apart: a write to one is not seen in the other', async () => {
    const count = async (database: Database) =>
      (await database.db.selectFrom('municipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count(second));

    await first.db.insertInto('municipality').values({ code: '0999', name: 'Testkommune' }).execute();

    expect(Number(await count(first))).toBe(before + 1);
    expect(Number(await count(second))).toBe(before);
    const inSecond = await second.db.selectFrom('municipality').select('code').where('code', '=', '0999').execute();
    expect(inSecond).toEqual([]);
  });
});
