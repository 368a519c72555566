import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from './features/jobs/job.service.ts';
import { migrateDatabase } from './prepare-database.ts';
import { aMunicipality, aStaffUser } from './test-support/factories.ts';
import { databaseUrl } from './test-support/postgres-admin.ts';
import { createTestDatabase, testDatabaseKind } from './test-support/test-database.ts';
import { audit } from './platform/audit/audit.ts';
import { auditLogRewritable } from './platform/audit/audit.repository.ts';
import { fixedClock } from './platform/clock.ts';
import type { ServiceContext } from './platform/context.ts';
import { openPostgres, type Database } from './platform/database/database.ts';
import { APP_ROLE, migrate } from './platform/database/migrate.ts';

// Beside prepare-database.ts, not in platform/: it checks what migrateDatabase sets up, pg-boss's
// schema for the jobs included.
// On a PostgreSQL server the server runs as a role of its own (DATABASE_URL), a member of
// samkraft_app (migration 0014), and migrations run as the schema's owner (DATABASE_MIGRATION_URL).
// The server's role may read and write the data and append to the audit log — and nothing that
// would let it rewrite the log. (The embedded database has one user; nothing to check there.)

/** A login role of the test server, shared by every run on this PostgreSQL server (created once). */
const SERVER_ROLE = 'samkraft_test_server';

let owner: Database;
let server: Database;
let ownerUrl: string;

describe.skipIf(testDatabaseKind() !== 'postgres')("the server's database role", () => {
  beforeAll(async () => {
    owner = await createTestDatabase(); // as the test server's superuser, who owns the template's tables
    const adminUrl = process.env.SAMKRAFT_TEST_PG_URL!;
    ownerUrl = databaseUrl(adminUrl, owner.location.split('/').pop()!);
    await owner.executeSql(
      `do $$ begin
         create role ${SERVER_ROLE} login in role ${APP_ROLE};
       exception when duplicate_object or unique_violation then null;
       end $$`,
    );
    const serverUrl = new URL(ownerUrl);
    serverUrl.username = SERVER_ROLE;
    serverUrl.password = '';
    server = await openPostgres(serverUrl.toString(), { poolSize: 4 });
    await aMunicipality(owner.db, '0159', 'Gladsaxe');
  });
  afterAll(async () => {
    await server?.close();
    await owner?.close();
  });

  const whoAmI = async (db: Database) => String((await db.executeSql('select current_user as u')).rows[0]?.u);
  const refusal = (db: Database, statement: string) => db.executeSql(statement).then(() => 'allowed', (err: Error) => err.message);

  it('migrates as the owner; the server role then finds nothing pending, and could not migrate itself', async () => {
    expect(await whoAmI(server)).toBe(SERVER_ROLE);
    expect(await migrateDatabase({ databaseMigrationUrl: ownerUrl }, server)).toEqual([]);
    await expect(migrate(server, [{ name: '9999_probe', sql: 'create table probe (id int)' }])).rejects.toThrow(/permission denied for schema public/);
  });

  it('appends to the audit log and reads it, and may not update, delete, truncate it or switch off its triggers', async () => {
    await audit(server.db, { actor: { kind: 'system', name: 'app-role-test' } }, [{ action: 'test.append', citizenId: null, outcome: 'allowed' }]);
    const read = await server.executeSql(`select count(*)::int as n from audit_event where action = 'test.append'`);
    expect(read.rows[0]?.n).toBe(1);
    expect([await auditLogRewritable(server.db), await auditLogRewritable(owner.db)]).toEqual([false, true]);
    // "permission denied", not the append-only trigger: the right itself is missing.
    expect(await refusal(server, `update audit_event set outcome = 'denied'`)).toMatch(/permission denied for table audit_event/);
    expect(await refusal(server, 'delete from audit_event')).toMatch(/permission denied for table audit_event/);
    expect(await refusal(server, 'truncate audit_event')).toMatch(/permission denied for table audit_event/);
    expect(await refusal(server, 'alter table audit_event disable trigger audit_event_no_update')).toMatch(/must be owner of (table|relation) audit_event/);
    expect(await refusal(server, 'alter table audit_event disable trigger all')).toMatch(/must be owner of (table|relation) audit_event/);
    expect(await refusal(server, 'drop trigger audit_event_no_update on audit_event')).toMatch(/must be owner of (table|relation) audit_event/);
    expect(await refusal(server, `alter table audit_event owner to ${SERVER_ROLE}`)).toMatch(/must be owner of (table|relation) audit_event/);
    // Granting itself the right only warns that nothing was granted.
    await server.executeSql(`grant update on audit_event to ${SERVER_ROLE}`);
    expect(await refusal(server, `update audit_event set outcome = 'denied'`)).toMatch(/permission denied for table audit_event/);
    expect(await refusal(server, 'create or replace function audit_event_append_only() returns trigger language plpgsql as $$ begin return null; end $$')).toMatch(
      /permission denied for schema public|must be owner of function audit_event_append_only/,
    );
  });

  it('removes old audit events only through the owner’s purge function, never within its five-year floor (migration 0052)', async () => {
    await owner.executeSql(`insert into audit_event (at, actor_label, action, outcome) values (now() - interval '6 years', 'old', 'test.purge', 'allowed')`);
    expect(await refusal(server, `delete from audit_event where action = 'test.purge'`)).toMatch(/permission denied for table audit_event/);
    expect(await refusal(server, `select audit_event_purge(now() - interval '4 years', 'system:test')`)).toMatch(/less than 5 years ago/);
    const purged = await server.executeSql(`select audit_event_purge(now() - interval '5 years 1 day', 'system:test') as n`);
    expect(Number(purged.rows[0]?.n)).toBe(1);
    expect(await refusal(server, `create or replace function audit_event_purge(p_before timestamptz, p_actor text) returns bigint language sql as $$ select 0::bigint $$`)).toMatch(
      /permission denied for schema public|must be owner of function audit_event_purge/,
    );
  });

  it('reads and writes every other table, owns none, and keeps the migrations bookkeeping read-only', async () => {
    const rights = await owner.executeSql(
      `select c.relname as name,
              has_table_privilege($1, c.oid, 'select') as s, has_table_privilege($1, c.oid, 'insert') as i,
              has_table_privilege($1, c.oid, 'update') as u, has_table_privilege($1, c.oid, 'delete') as d,
              has_table_privilege($1, c.oid, 'truncate') as t, pg_has_role($1, c.relowner, 'usage') as owns
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by 1`,
      [SERVER_ROLE],
    );
    const byTable = Object.fromEntries(rights.rows.map((r) => [String(r.name), `${r.s ? 'S' : ''}${r.i ? 'I' : ''}${r.u ? 'U' : ''}${r.d ? 'D' : ''}${r.t ? 'T' : ''}${r.owns ? ' owner' : ''}`]));
    expect(byTable.audit_event).toBe('SI');
    expect(byTable.schema_migration).toBe('S');
    const others = Object.entries(byTable).filter(([name]) => name !== 'audit_event' && name !== 'schema_migration');
    expect(others.length).toBeGreaterThan(30);
    expect(others.filter(([, r]) => r !== 'SIUD')).toEqual([]);
    // And it does: a staff user written and removed by the server's role.
    const id = await aStaffUser(server.db, { municipalityCode: '0159', roles: ['contact_person'] });
    await server.db.deleteFrom('staff_user').where('id', '=', id).execute();
  });

  it('runs jobs through pg-boss, whose schema and queue the owner installed', async () => {
    const clock = fixedClock('2026-11-22T10:00:00Z');
    const staffId = await aStaffUser(owner.db, { municipalityCode: '0159', roles: ['coordinator'] });
    const ctx: ServiceContext = {
      db: server.db,
      clock,
      actor: { kind: 'staff', userId: staffId, username: 'coordinator', displayName: 'Test', municipalityCode: '0159', roles: ['coordinator'], profession: 'nurse' },
    };
    const errors: unknown[] = [];
    const queue: JobQueue = createJobQueue({
      database: server,
      clock,
      handlers: { report: async () => ({ ran: await whoAmI(server) }), extract_import: async () => null },
      log: { error: (obj) => errors.push(obj) },
    });
    try {
      const submitted = await queue.submit(ctx, 'report', { probe: true });
      let state = submitted.state;
      for (let i = 0; i < 800 && state !== 'succeeded' && state !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        state = (await queue.get(ctx, submitted.id)).state;
      }
      expect(errors).toEqual([]);
      expect(state).toBe('succeeded');
      expect(await queue.result(ctx, submitted.id, 'report')).toEqual({ ran: SERVER_ROLE });
    } finally {
      await queue.stop();
    }
    const pgbossOwner = await owner.executeSql(`select pg_get_userbyid(nspowner) as o from pg_namespace where nspname = 'pgboss'`);
    expect(pgbossOwner.rows[0]?.o).not.toBe(SERVER_ROLE);
  });
});
