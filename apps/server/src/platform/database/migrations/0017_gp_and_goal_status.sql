-- The citizen's GP clinic is named at intake and printed on the closing note (issue 10.15): a GP
-- clinic carries its ydernummer (the regions' provider number, 6 digits with leading zeros as in
-- MedCom's XREF01/REF01 `IdentifierCode ydernummer`, e.g. 079741) beside its SOR code. Only a GP
-- clinic has one, and one clinic per number, so a clinic typed again is found, not duplicated.
alter table organisation add column ydernummer text unique check (ydernummer ~ '^[0-9]{6}$');
alter table organisation add constraint organisation_ydernummer_gp_clinic check (ydernummer is null or kind = 'gp_clinic');

-- A plan goal's status as the contact person and the citizen judged it at a follow-up or at the
-- closing conversation (issue 10.22). Appended, never updated: the latest row is the goal's
-- status, the earlier ones its history. A goal without a row keeps the status its plan version
-- was saved with. Owned by the plans feature.
create table plan_goal_status (
  id                       uuid primary key default gen_random_uuid(),
  plan_goal_id             uuid not null references plan_goal (id) on delete cascade,
  status                   text not null check (status in ('open', 'reached', 'partly_reached', 'not_reached', 'dropped')),
  occasion                 text not null check (occasion in ('follow_up', 'closing')),
  follow_up_id             uuid references follow_up (id),
  closing_conversation_id  uuid references closing_conversation (id),
  recorded_on              date not null,
  recorded_by              uuid references staff_user (id),
  recorded_at              timestamptz not null default now(),
  check ((occasion = 'follow_up') = (follow_up_id is not null)),
  check ((occasion = 'closing') = (closing_conversation_id is not null))
);
create index plan_goal_status_goal_idx on plan_goal_status (plan_goal_id, recorded_at desc);
create index plan_goal_status_follow_up_idx on plan_goal_status (follow_up_id);
create index plan_goal_status_conversation_idx on plan_goal_status (closing_conversation_id);
