-- Readiness (`GET /api/ready`) writes here: a database that answers a read but cannot write (a
-- full disk, a read-only standby or file system) is not ready to serve Samkraft, whose every
-- request writes its audit. One row, written over; owned by the health feature.
create table health_probe (
  only_row    boolean primary key default true check (only_row),
  checked_at  timestamptz not null
);
