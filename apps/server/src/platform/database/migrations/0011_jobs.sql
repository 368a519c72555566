-- Long work off the request path (issue 9): a national report or a large extract import runs as
-- a job. This table is the job's record as its user sees it — who asked, for what, how far it is,
-- its result or its error. Which process runs it is the dispatcher's business: pg-boss (its own
-- schema `pgboss`) on a PostgreSQL server, an in-process queue on the embedded database.
create table job (
  id              uuid primary key default gen_random_uuid(),
  kind            text not null check (kind in ('report', 'extract_import')),
  state           text not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
  -- The staff user who asked (null for a system actor), and the actor the job runs as: the one
  -- whose access was checked when it was submitted.
  requested_by    uuid references staff_user (id),
  actor           jsonb not null,
  params          jsonb not null,
  -- An uploaded file waiting to be imported; cleared when the job ends (no health data is kept
  -- here longer than the work takes).
  input           bytea,
  progress_done   integer not null default 0 check (progress_done >= 0),
  progress_total  integer not null default 0 check (progress_total >= 0),
  phase           text,
  result          jsonb,
  error           jsonb,
  attempts        integer not null default 0,
  created_at      timestamptz not null default now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  check ((state in ('succeeded', 'failed')) = (finished_at is not null))
);

create index job_requested_by_idx on job (requested_by, created_at desc);
create index job_unfinished_idx on job (created_at) where state in ('queued', 'running');
