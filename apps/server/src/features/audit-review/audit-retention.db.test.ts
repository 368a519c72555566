import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { purgeExpiredAuditEvents } from './audit-retention.service.ts';

// The retention purge (migration 0052): events older than the period go through the schema
// owner's function, never below the five-year floor, and the purge is itself an audit event. The
// append-only trigger still refuses every other delete. (That the server's own role may call the
// function but not delete is app-role.db.test.ts's, on PostgreSQL.)

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const refusal = (statement: string) => database.executeSql(statement).then(() => 'allowed', (err: Error) => err.message);

async function anEventYearsAgo(label: string, years: number): Promise<void> {
  await sql`insert into audit_event (at, actor_label, action, outcome) values (now() - ${`${years} years`}::interval, ${label}, 'test.retention', 'allowed')`.execute(database.db);
}
const labels = async () => (await database.db.selectFrom('audit_event').select('actor_label').where('action', '=', 'test.retention').orderBy('actor_label').execute()).map((r) => r.actor_label);

describe('the audit log’s retention', () => {
  it('removes the events older than the period, keeps the newer, and records the purge', async () => {
    await anEventYearsAgo('seven', 7);
    await anEventYearsAgo('six', 6);
    await anEventYearsAgo('four', 4);
    const r = await purgeExpiredAuditEvents({ db: database.db, clock: systemClock, months: 66 });
    expect(r.deleted).toBe(2);
    expect(await labels()).toEqual(['four']);
    const purge = await database.db.selectFrom('audit_event').select(['actor_label', 'outcome', 'detail']).where('action', '=', 'audit_event.purge').execute();
    expect(purge).toEqual([{ actor_label: 'system:audit-retention', outcome: 'allowed', detail: expect.objectContaining({ deleted: 2 }) }]);
  });

  it('refuses a cutoff within the five-year floor, in the service and in the function', async () => {
    await expect(purgeExpiredAuditEvents({ db: database.db, clock: systemClock, months: 48 })).rejects.toThrow(/at least 60 months/);
    expect(await refusal(`select audit_event_purge(now() - interval '4 years', 'test')`)).toMatch(/less than 5 years ago/);
    expect(await refusal(`select audit_event_purge(null, 'test')`)).toMatch(/refused/);
    expect(await labels()).toEqual(['four']);
  });

  it('still refuses every other delete, update and truncate — even with the purge’s setting forged', async () => {
    expect(await refusal(`delete from audit_event where action = 'test.retention'`)).toMatch(/append-only \(DELETE refused\)/);
    expect(await refusal(`update audit_event set outcome = 'denied' where action = 'test.retention'`)).toMatch(/append-only \(UPDATE refused\)/);
    expect(await refusal('truncate audit_event')).toMatch(/append-only \(TRUNCATE refused\)/);
    // A cutoff within the floor lets nothing through; an old cutoff only rows older than it.
    const forged = (ago: string) =>
      database.db
        .transaction()
        .execute(async (trx) => {
          await sql`select set_config('samkraft.audit_purge_before', (now() - ${ago}::interval)::text, true)`.execute(trx);
          await sql`delete from audit_event where action = 'test.retention'`.execute(trx);
        })
        .then(
          () => 'allowed',
          (err: Error) => err.message,
        );
    expect(await forged('1 year')).toMatch(/append-only \(DELETE refused\)/);
    expect(await forged('6 years')).toMatch(/append-only \(DELETE refused\)/);
    expect(await labels()).toEqual(['four']);
  });
});
