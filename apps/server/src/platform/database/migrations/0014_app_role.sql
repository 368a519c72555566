-- The server's database role may read and write the data, never alter the schema nor rewrite the
-- audit log. Migrations run as the owner of the schema (DATABASE_MIGRATION_URL); the server runs
-- as a login role that is a member of samkraft_app (DATABASE_URL), which holds exactly these
-- rights. The owner could disable the audit log's append-only triggers; samkraft_app cannot: it
-- owns nothing, and on audit_event it may only insert and select.
--
-- samkraft_app is a role of the whole PostgreSQL cluster (NOLOGIN). The migration creates it when
-- the owner may create roles; otherwise a DBA creates it first: CREATE ROLE samkraft_app NOLOGIN.
-- On the embedded database (one user) it is created and granted all the same, and unused.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'samkraft_app') then
    begin
      create role samkraft_app nologin;
    exception when duplicate_object or unique_violation then
      null; -- created meanwhile by a migration of another database on the same server
    end;
  end if;
end
$$;

grant usage on schema public to samkraft_app;
grant select, insert, update, delete on all tables in schema public to samkraft_app;
grant usage, select on all sequences in schema public to samkraft_app;
grant execute on all functions in schema public to samkraft_app;

-- The audit log: append and read, nothing else.
revoke update, delete, truncate, references, trigger on audit_event from samkraft_app;
-- The migrations' bookkeeping: read (a start checks that nothing is pending), not written.
revoke insert, update, delete, truncate on schema_migration from samkraft_app;

-- Tables of later migrations get the same data rights; a later append-only table revokes its own.
alter default privileges in schema public grant select, insert, update, delete on tables to samkraft_app;
alter default privileges in schema public grant usage, select on sequences to samkraft_app;
alter default privileges in schema public grant execute on functions to samkraft_app;
