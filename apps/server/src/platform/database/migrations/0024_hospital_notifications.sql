-- MedCom HospitalNotification (advis om sygehusophold, issue 12 item 6), owned by
-- features/hospital-notifications. Acting on a notification is each municipality's own decision
-- as data controller: Retssikkerhedsloven § 12 c and MedCom's guide name the purposes (care under
-- the Social Services Act, sickness benefit follow-up), which do not clearly include rehabilitation
-- under Sundhedsloven § 140 / § 119. So it is off until an administrator turns it on for the
-- municipality on its decision (no row = off); every change is audited.
create table hospital_notification_setting (
  municipality_code char(4) not null constraint hospital_notification_setting_municipality_code_fkey references municipality (code),
  act               boolean not null,
  changed_by        uuid constraint hospital_notification_setting_changed_by_fkey references staff_user (id),
  changed_at        timestamptz not null,
  constraint hospital_notification_setting_pkey primary key (municipality_code)
);
create index hospital_notification_setting_changed_by_idx on hospital_notification_setting (changed_by);

-- A citizen's hospital stay as the notifications tell it, kept only while acting is on and only
-- for a citizen with an open course in the receiving municipality. One row per episode of care
-- (the hospital's identifier of the stay, which every notification of it repeats); each
-- notification replaces the state when it is newer than the one the row holds (`notified_at`, the
-- time its Provenance was recorded), so one that arrives late changes nothing.
create table hospital_stay (
  id                uuid primary key default gen_random_uuid(),
  municipality_code char(4) not null constraint hospital_stay_municipality_code_fkey references municipality (code),
  citizen_id        uuid not null constraint hospital_stay_citizen_id_fkey references citizen (id),
  episode_system    text not null,
  episode_id        text not null constraint hospital_stay_episode_id_check check (length(episode_id) between 1 and 200),
  encounter_class   text not null constraint hospital_stay_encounter_class_check check (encounter_class in ('IMP', 'EMER')),
  status            text not null constraint hospital_stay_status_check check (status in ('in-progress', 'onleave', 'finished', 'entered-in-error')),
  activity          text not null,
  admitted_at       timestamptz not null,
  ended_at          timestamptz,
  leave_started_at  timestamptz,
  leave_ended_at    timestamptz,
  deceased          boolean not null default false,
  -- The department responsible for the stay (Encounter.serviceProvider).
  department_name   text,
  department_sor    text,
  -- The notification the state comes from: its sender, MessageHeader id and recorded time.
  sender_id         text not null,
  letter_id         text not null,
  notified_at       timestamptz not null,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  constraint hospital_stay_episode_key unique (municipality_code, episode_system, episode_id)
);
create index hospital_stay_citizen_id_idx on hospital_stay (citizen_id);
