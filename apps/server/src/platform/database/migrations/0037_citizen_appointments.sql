-- The citizen's appointments (issue 13, items 2 and 4): the citizen sees their team sessions,
-- subscribes to them from a phone's calendar, and cancels a session themselves until a cut-off
-- set per team.

-- How many hours before a session's start the citizen may still cancel it themselves (afbud);
-- after that they call. Staff who run the team set it; a day by default.
alter table team add column citizen_cancel_cutoff_hours integer not null default 24
  constraint team_citizen_cancel_cutoff_hours_check check (citizen_cancel_cutoff_hours between 0 and 168);

-- Who recorded a cancellation (status 'cancelled'): the staff on the attendance list, or the
-- citizen from their own page with a reason from a fixed list (the free text in cancel_reason).
-- Null on older rows and on the other statuses. Neither uses a session of the quota.
alter table attendance add column cancelled_by text
  constraint attendance_cancelled_by_check check (cancelled_by in ('staff', 'citizen'));
alter table attendance add column cancel_reason_code text
  constraint attendance_cancel_reason_code_check check (cancel_reason_code in ('illness', 'treatment', 'other'));
alter table attendance add constraint attendance_cancelled_by_status_check
  check (cancelled_by is null or status = 'cancelled');
alter table attendance add constraint attendance_cancel_reason_code_citizen_check
  check ((cancelled_by is not distinct from 'citizen') = (cancel_reason_code is not null));

-- A citizen's calendar feed: a phone's calendar subscribes by URL without cookies, so the URL
-- carries a random token (a capability). Only its SHA-256 is stored; renewing replaces it and
-- turning the feed off deletes the row, so an old link answers 404.
create table citizen_calendar_feed (
  citizen_id  uuid constraint citizen_calendar_feed_pkey primary key
                constraint citizen_calendar_feed_citizen_id_fkey references citizen (id) on delete cascade,
  token_hash  text not null constraint citizen_calendar_feed_token_hash_key unique
                constraint citizen_calendar_feed_token_hash_check check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz not null default now()
);
