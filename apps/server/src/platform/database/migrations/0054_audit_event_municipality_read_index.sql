-- Issue 15.4 at the national volume (bench/audit-review.bench.ts, bench/plans-issue15.md): the alerts
-- of unusual reads read a municipality's reads of citizens in a period from two indexes alone (index-
-- only scans), instead of every event of the period from the table by audit_event_at_idx with the
-- municipality tested row by row (the `or` with the citizen's home municipality across the join kept
-- the planner from any narrower index, and the period's rows of every municipality were read).
--
-- 1. The municipality's staff's reads: one range per municipality and period, covering what the
--    alerts test and count. Partial: only a staff user's event about a citizen.
create index audit_event_actor_municipality_at_idx on audit_event (actor_municipality, at)
  include (actor_user_id, citizen_id, action, outcome)
  where actor_user_id is not null and citizen_id is not null;

-- 2. The reads of the municipality's citizens by another municipality's staff: per citizen and
--    period. The same key as 0001's audit_event_citizen_idx, which it replaces (the access log, the
--    review's per-citizen page and the aktindsigt read by it as before), now covering the columns the
--    alerts test, so the reads by the municipality's own staff — most of them — are left out in the
--    index, not after a visit to the table.
create index audit_event_citizen_id_at_idx on audit_event (citizen_id, at)
  include (actor_municipality, actor_user_id, action, outcome);
drop index audit_event_citizen_idx;

-- 3. An index-only scan reads the table for a page not yet marked all-visible. The log is
--    append-only, and autovacuum's default waits for 20 % of the table in new rows (a 20 M log: four
--    million events, years of the recent part — exactly what the alerts read — unmarked); a vacuum
--    every 10,000 new events marks them within days and only reads the pages added since.
alter table audit_event set (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0);

-- Cost at upgrade: both indexes are built inside the migration's transaction, not CONCURRENTLY (the
-- runner wraps every migration in one): inserts into audit_event — every audited request — wait
-- until they are built. On the benchmark's copy (20 M events, 7.3 GB with its indexes, a shared
-- 2-core machine, PostgreSQL 15) that took about a minute (30 s and 29 s); the indexes add about 1.8 GB
-- and 0.7 GB (1.8 GB less the 1.1 GB of the index replaced). Upgrade in a maintenance window.
