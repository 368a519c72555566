-- Teams and attendance: a session can be cancelled with a reason (and reinstated), and a cohort
-- team has a follow-up session some weeks after its last regular session (Livskraft: weekly for
-- six weeks, then a follow-up after two months).

alter table team_session add column kind text not null default 'regular' check (kind in ('regular', 'follow_up'));
alter table team_session add column cancel_reason text;
alter table team_session add column cancelled_at timestamptz;
alter table team_session add column cancelled_by uuid references staff_user (id);

-- Sessions cancelled before a reason could be given keep a neutral one, so the rule can hold.
update team_session set cancel_reason = 'Aflyst' where cancelled and cancel_reason is null;

alter table team_session add constraint team_session_cancel_reason_check
  check ((cancelled and coalesce(length(cancel_reason), 0) > 0) or (not cancelled and cancel_reason is null));

-- The waiting list is served longest-waiting first.
create index enrolment_waiting_idx on enrolment (team_id, waiting_since) where status = 'waiting';
