import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { bulkDelete, bulkInsert, bulkUpdate } from './bulk-write.ts';
import type { Database } from './database.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const MUNICIPALITY = ['code', 'name', 'region'] as const;

describe('bulk writes for the loaders', () => {
  it('inserts rows given as values in one statement, keeping Danish letters, and leaves defaults to the table', async () => {
    const db = database.db;
    const written = await bulkInsert(db, 'municipality', MUNICIPALITY, {
      rows: [
        { code: '0159', name: 'Gladsaxe', region: 'Hovedstaden' },
        { code: '0173', name: 'Lyngby-Taarbæk', region: 'Hovedstaden' },
      ],
    });
    expect(written).toBe(2);
    const rows = await db.selectFrom('municipality').select(['code', 'name']).where('code', 'in', ['0159', '0173']).orderBy('code').execute();
    expect(rows).toEqual([
      { code: '0159', name: 'Gladsaxe' },
      { code: '0173', name: 'Lyngby-Taarbæk' },
    ]);
  });

  it('inserts the result of a query, its columns taken by position', async () => {
    const db = database.db;
    const written = await bulkInsert(db, 'municipality', MUNICIPALITY, {
      columns: ['code', 'name', 'region'],
      select: sql`select '0151', 'Ballerup' as whatever, 'Hovedstaden' union all select '0157', 'Gentofte', 'Hovedstaden'`,
    });
    expect(written).toBe(2);
    expect(await db.selectFrom('municipality').select('name').where('code', '=', '0157').executeTakeFirst()).toEqual({ name: 'Gentofte' });
  });

  it('updates or keeps a row that is already there, as the owner says', async () => {
    const db = database.db;
    const rows = [{ code: '0159', name: 'Gladsaxe Kommune', region: 'Hovedstaden' }];
    expect(await bulkInsert(db, 'municipality', MUNICIPALITY, { rows }, { target: ['code'] })).toBe(0);
    expect(await bulkInsert(db, 'municipality', MUNICIPALITY, { rows }, { target: ['code'], update: ['name'] })).toBe(1);
    expect(await db.selectFrom('municipality').select('name').where('code', '=', '0159').executeTakeFirst()).toEqual({ name: 'Gladsaxe Kommune' });
  });

  it('updates the rows matched on the key, from values or a query', async () => {
    const db = database.db;
    expect(await bulkUpdate(db, 'municipality', 'code', ['name'], { rows: [{ code: '0159', name: 'Gladsaxe', region: 'Hovedstaden' }].map(({ code, name }) => ({ code, name })) })).toBe(1);
    expect(await bulkUpdate(db, 'municipality', 'code', ['name'], { columns: ['code', 'name'], select: sql`select '0151', 'Ballerup Kommune'` })).toBe(1);
    const names = await db.selectFrom('municipality').select(['code', 'name']).where('code', 'in', ['0151', '0159']).orderBy('code').execute();
    expect(names).toEqual([
      { code: '0151', name: 'Ballerup Kommune' },
      { code: '0159', name: 'Gladsaxe' },
    ]);
  });

  it('refuses a column the owner does not offer, and rows that set different columns, before writing anything', async () => {
    const db = database.db;
    await expect(bulkUpdate(db, 'municipality', 'code', ['name'], { columns: ['code', 'region'] as never, select: sql`select '0159', 'Sjælland'` })).rejects.toThrow(
      /lets a loader set no region/,
    );
    await expect(
      bulkInsert(db, 'municipality', MUNICIPALITY, { rows: [{ code: '0161', name: 'Glostrup', region: 'Hovedstaden' }, { code: '0163', name: 'Herlev' }] }),
    ).rejects.toThrow(/row 2 sets code, name, the first row code, name, region/);
    expect(await db.selectFrom('municipality').select('code').where('code', 'in', ['0161', '0163']).execute()).toEqual([]);
  });

  it('writes nothing, and sends no statement, for no rows', async () => {
    expect(await bulkInsert(database.db, 'municipality', MUNICIPALITY, { rows: [] })).toBe(0);
  });
});

describe('bulk delete', () => {
  it('deletes the rows whose column is among a query’s values', async () => {
    const db = database.db;
    await bulkInsert(db, 'municipality', MUNICIPALITY, { rows: [{ code: '0165', name: 'Albertslund', region: 'Hovedstaden' }, { code: '0167', name: 'Hvidovre', region: 'Hovedstaden' }] });
    expect(await bulkDelete(db, 'municipality', 'code', sql`select '0165' union all select '0999'`)).toBe(1);
    expect(await db.selectFrom('municipality').select('code').where('code', 'in', ['0165', '0167']).execute()).toEqual([{ code: '0167' }]);
  });
});
