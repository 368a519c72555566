-- Issue 15.4: the audit log for those who must read it.
--
-- 1. A data-protection role, `auditor` ("Tilsyn (databeskyttelse)"), in staff_role's value list.
--    0001 left the check unnamed; PostgreSQL's generated name is not relied on (migration-rules):
--    the check on the column is found in the catalogue, dropped, and given again under a name.
do $$
declare
  c text;
begin
  for c in
    select conname from pg_constraint
     where conrelid = 'staff_role'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%role%'
  loop
    execute format('alter table staff_role drop constraint %I', c);
  end loop;
end
$$;
alter table staff_role add constraint staff_role_role_check
  check (role in ('contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator', 'auditor'));

-- 2. The auditor's list without a citizen or user filter, the alerts over a period and the
--    retention's purge all read the log by time alone: keyset on (at, id) under this index.
create index audit_event_at_idx on audit_event (at);

-- 3. Retention. The log is append-only (0001's triggers) and the server's role may not delete from
--    it (0014). Events older than the retention period are removed only by audit_event_purge, a
--    SECURITY DEFINER function owned by the schema's owner, which refuses a cutoff less than five
--    years back — the floor (ARCHITECTURE.md "Audit log retention": a complaint about a look-up may
--    be made up to five years after it, klage- og erstatningsloven § 3 a) — and records the purge
--    as an audit event in the same transaction. The trigger lets a delete through only for a row
--    older than the cutoff the function set for its own transaction, and that cutoff only when it
--    is itself past the floor; every other update, delete and truncate is refused as before.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
declare
  cutoff timestamptz := nullif(current_setting('samkraft.audit_purge_before', true), '')::timestamptz;
begin
  if tg_op = 'DELETE' and cutoff is not null and cutoff <= now() - interval '5 years' and old.at < cutoff then
    return old;
  end if;
  raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create function audit_event_purge(p_before timestamptz, p_actor text) returns bigint
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  deleted bigint;
begin
  if p_before is null or p_before > now() - interval '5 years' then
    raise exception 'audit_event_purge refused: % is less than 5 years ago, the least the audit log is kept', p_before
      using errcode = 'insufficient_privilege';
  end if;
  perform set_config('samkraft.audit_purge_before', p_before::text, true);
  delete from audit_event where at < p_before;
  get diagnostics deleted = row_count;
  perform set_config('samkraft.audit_purge_before', '', true);
  insert into audit_event (actor_label, action, outcome, detail)
    values (coalesce(p_actor, 'system:audit-retention'), 'audit_event.purge', 'allowed', jsonb_build_object('before', p_before, 'deleted', deleted));
  return deleted;
end;
$$;
revoke all on function audit_event_purge(timestamptz, text) from public;
grant execute on function audit_event_purge(timestamptz, text) to samkraft_app;
