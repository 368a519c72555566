-- Samkraft foundation schema: the data model for the whole pathway.
-- Written to the PostgreSQL 15 subset so that PGlite (PostgreSQL 17/18 in WebAssembly) and a
-- PostgreSQL 15 server run the same SQL. Constraints live here so that a bug in a service cannot
-- store bad data: foreign keys, checks, uniques, and an append-only audit log.

-- ───────────────────────────── reference data ─────────────────────────────

create table municipality (
  code          char(4) primary key check (code ~ '^[0-9]{4}$'),
  name          text not null unique check (length(name) > 0),
  region        text,
  is_member     boolean not null default false,         -- member of the collaboration
  joined_on     date,                                  -- when it joined the collaboration
  site_name     text,
  site_address  text,
  lat           double precision check (lat between -90 and 90),
  lon           double precision check (lon between -180 and 180),
  check (not is_member or joined_on is not null)
);

-- Hospital departments, GP clinics and other referring or receiving organisations.
create table organisation (
  id                 uuid primary key default gen_random_uuid(),
  kind               text not null check (kind in ('hospital', 'hospital_department', 'gp_clinic', 'municipal_unit', 'other')),
  name               text not null check (length(name) > 0),
  parent_id          uuid references organisation (id),
  sor_code           text unique check (sor_code ~ '^[0-9]{6,18}$'),
  ean                text unique check (ean ~ '^[0-9]{13}$'),
  municipality_code  char(4) references municipality (code),
  address            text,
  phone              text,
  active             boolean not null default true,
  check (kind <> 'hospital_department' or parent_id is not null)
);

-- ICD-10 three-character cancer codes (DC00–DD09) with Danish titles; SKS is the authority.
create table diagnosis (
  code       text primary key check (code ~ '^D(C[0-9]{2}|D0[0-9])$'),
  title_da   text not null,
  title_en   text,
  uncertain  boolean not null default false            -- a title we could not check against SKS
);

-- ───────────────────────────── staff, sessions ─────────────────────────────

create table staff_user (
  id                 uuid primary key default gen_random_uuid(),
  username           text not null check (username ~ '^[a-z0-9._-]{2,64}$'),
  display_name       text not null check (length(display_name) > 0),
  email              text check (email ~ '^[^@\s]+@[^@\s]+$'),
  municipality_code  char(4) not null references municipality (code),
  profession         text not null check (profession in ('nurse', 'physiotherapist', 'occupational_therapist', 'dietitian', 'physician', 'social_worker', 'administrative', 'other')),
  password_hash      text,                              -- argon2id; null = no password sign-in
  is_demo            boolean not null default false,
  active             boolean not null default true,
  created_at         timestamptz not null default now()
);
create unique index staff_user_username_key on staff_user (lower(username));

create table staff_role (
  staff_user_id  uuid not null references staff_user (id) on delete cascade,
  role           text not null check (role in ('contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator')),
  primary key (staff_user_id, role)
);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
create table staff_session (
  token_hash     text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  staff_user_id  uuid not null references staff_user (id) on delete cascade,
  csrf_secret    text not null,
  created_at     timestamptz not null default now(),
  last_seen_at   timestamptz not null default now(),
  idle_expires_at      timestamptz not null,
  absolute_expires_at  timestamptz not null,
  user_agent     text,
  check (idle_expires_at > created_at and absolute_expires_at > created_at)
);
create index staff_session_user_idx on staff_session (staff_user_id);

-- Installation-wide settings the server must share across instances (e.g. the cookie secret).
create table system_setting (
  key    text primary key,
  value  text not null
);

-- ───────────────────────────── citizens and referrals ─────────────────────────────

create table citizen (
  id                      uuid primary key default gen_random_uuid(),
  -- CPR or replacement CPR (eCPR with letters) as text; never checked by modulus 11.
  cpr                     text unique check (cpr ~ '^[0-9]{6}[0-9A-Z]{4}$'),
  -- Synthetic test citizens carry a pseudonym instead of anything CPR-shaped.
  pseudonym               text unique check (pseudonym ~ '^P-[A-Za-z0-9-]+$'),
  is_synthetic            boolean not null default false,
  given_name              text not null,
  family_name             text not null,
  sex                     char(1) not null check (sex in ('F', 'M')),
  birth_date              date not null,
  home_municipality_code  char(4) not null references municipality (code),
  address_line            text,
  postal_code             text check (postal_code ~ '^[0-9]{4}$'),
  city                    text,
  phone                   text,
  email                   text,
  name_address_protected  boolean not null default false,
  deceased_on             date,
  gp_organisation_id      uuid references organisation (id),
  vulnerable              boolean not null default false,  -- note §12.2: extended coordination
  pensioner               boolean not null default false,  -- Bilag K transport rule
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now(),
  check ((cpr is null) <> (pseudonym is null)),
  check (pseudonym is null or is_synthetic),
  check (deceased_on is null or deceased_on >= birth_date)
);
create index citizen_home_idx on citizen (home_municipality_code);

create table referral (
  id                         uuid primary key default gen_random_uuid(),
  citizen_id                 uuid not null references citizen (id),
  home_municipality_code     char(4) not null references municipality (code),
  external_id                text check (length(external_id) between 1 and 100),  -- the care system's id (extract referral_id)
  origin                     text not null default 'ui' constraint referral_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom')),
  received_on                date not null,
  source                     text not null check (source in ('gp', 'hospital_gop', 'hospital_ref01', 'municipal', 'self', 'other')),
  legal_basis                text check (legal_basis in ('SUL119', 'SUL140', 'SEL86-1', 'SEL86-2')),
  referring_organisation_id  uuid references organisation (id),
  referring_text             text,
  diagnosis_code             text references diagnosis (code),
  treatment_status           text check (treatment_status in ('under_treatment', 'treatment_ended', 'late_effects', 'palliative', 'unknown')),
  treatment_started_on       date,
  treatment_ended_on         date,
  discharged_on              date,                      -- §140: training offered within 7 days of discharge
  plan_clinical_start_on     date,                      -- §140: a later clinical start set by the plan
  target_group               text check (target_group in ('in_group', 'outside', 'admitted_individual')),
  target_group_reasons       text[],
  target_group_justification text,
  linked_referral_id         uuid references referral (id),  -- a referral for a citizen with an open course
  created_by                 uuid references staff_user (id),
  created_at                 timestamptz not null default now(),
  unique (home_municipality_code, external_id),
  check (treatment_ended_on is null or treatment_started_on is null or treatment_ended_on >= treatment_started_on),
  check (target_group is distinct from 'admitted_individual' or coalesce(length(target_group_justification), 0) > 0),
  check (source <> 'hospital_gop' or legal_basis is null or legal_basis = 'SUL140'),
  check (linked_referral_id is null or linked_referral_id <> id)
);
create index referral_citizen_idx on referral (citizen_id);
create index referral_home_received_idx on referral (home_municipality_code, received_on);

-- The home municipality's course for one referral.
create table course (
  id            uuid primary key default gen_random_uuid(),
  referral_id   uuid not null unique references referral (id),
  opened_on     date not null,
  closed_on     date,
  close_reason  text check (close_reason in ('completed', 'declined', 'died', 'moved', 'not_in_target_group', 'duplicate', 'other')),
  created_at    timestamptz not null default now(),
  check ((closed_on is null) = (close_reason is null)),
  check (closed_on is null or closed_on >= opened_on)
);

-- The fixed contact person, with history: exactly one current assignment per course.
create table course_assignment (
  id              uuid primary key default gen_random_uuid(),
  course_id       uuid not null references course (id),
  staff_user_id   uuid not null references staff_user (id),
  assigned_at     timestamptz not null default now(),
  assigned_by     uuid references staff_user (id),
  ended_at        timestamptz,
  reason          text,
  check (ended_at is null or ended_at >= assigned_at)
);
create unique index course_assignment_current_key on course_assignment (course_id) where ended_at is null;
create index course_assignment_staff_idx on course_assignment (staff_user_id) where ended_at is null;

-- First contact (and later contact attempts) by the home municipality.
create table course_contact (
  id                       uuid primary key default gen_random_uuid(),
  course_id                uuid not null references course (id),
  contacted_on             date not null,
  channel                  text not null check (channel in ('phone', 'email', 'letter', 'digital_post', 'in_person', 'video')),
  reached                  boolean not null default true,
  agreed_assessment_at     timestamptz,
  preparation_form_sent_on date,
  note                     text,
  recorded_by              uuid references staff_user (id),
  recorded_at              timestamptz not null default now()
);
create index course_contact_course_idx on course_contact (course_id);

-- The items of "Støtte til livet med kræft" are data, so the official list can replace them.
create table assessment_item (
  code       text primary key check (code ~ '^[a-z][a-z0-9_.]*$'),
  area       text not null check (area in ('physical', 'psychological', 'social', 'practical', 'existential', 'work_economy', 'relatives')),
  label_da   text not null,
  label_en   text not null,
  sort_order integer not null,
  active     boolean not null default true
);

create table needs_assessment (
  id                       uuid primary key default gen_random_uuid(),
  course_id                uuid not null references course (id),
  occasion                 text not null check (occasion in ('initial', 'change', 'end')),
  assessed_on              date not null,
  scale_score              smallint check (scale_score between 0 and 10),
  what_matters_most        text,
  professional_assessment  text,
  recorded_by              uuid references staff_user (id),
  recorded_at              timestamptz not null default now()
);
create unique index needs_assessment_initial_key on needs_assessment (course_id) where occasion = 'initial';

create table needs_assessment_problem (
  needs_assessment_id  uuid not null references needs_assessment (id) on delete cascade,
  item_code            text not null references assessment_item (code),
  note                 text,
  primary key (needs_assessment_id, item_code)
);

-- Every revision of the action plan is a new immutable version.
create table action_plan (
  id                      uuid primary key default gen_random_uuid(),
  course_id               uuid not null references course (id),
  version                 integer not null check (version > 0),
  agreed_on               date not null,
  difficulties_and_needs  text not null constraint action_plan_difficulties_and_needs_check check (length(difficulties_and_needs) > 0),
  purpose_and_content     text not null constraint action_plan_purpose_and_content_check check (length(purpose_and_content) > 0),
  location                text not null constraint action_plan_location_check check (length(location) > 0),
  other_administrations   text,
  return_to_work          text,
  evaluation_on           date,
  evaluation_by           text,
  first_follow_up_on      date not null,
  revision_reason         text,
  created_by              uuid references staff_user (id),
  created_at              timestamptz not null default now(),
  unique (course_id, version),
  check (first_follow_up_on >= agreed_on),
  check (version = 1 or coalesce(length(revision_reason), 0) > 0)
);

create table action_plan_responsibility (
  id              uuid primary key default gen_random_uuid(),
  action_plan_id  uuid not null references action_plan (id) on delete cascade,
  ordinal         integer not null check (ordinal > 0),
  part            text not null check (length(part) > 0),
  responsible     text not null check (length(responsible) > 0),
  unique (action_plan_id, ordinal)
);

create table plan_goal (
  id              uuid primary key default gen_random_uuid(),
  action_plan_id  uuid not null references action_plan (id) on delete cascade,
  ordinal         integer not null check (ordinal > 0),
  description     text not null check (length(description) > 0),
  target_on       date,
  status          text not null default 'open' check (status in ('open', 'reached', 'partly_reached', 'not_reached', 'dropped')),
  unique (action_plan_id, ordinal)
);

create table follow_up (
  id            uuid primary key default gen_random_uuid(),
  course_id     uuid not null references course (id),
  planned_on    date not null,
  held_on       date,
  channel       text check (channel in ('phone', 'in_person', 'video', 'home_visit')),
  note          text,
  plan_revised  boolean not null default false,
  recorded_by   uuid references staff_user (id),
  recorded_at   timestamptz not null default now(),
  check (held_on is null or channel is not null)
);
create index follow_up_course_idx on follow_up (course_id);

create table closing_conversation (
  id                       uuid primary key default gen_random_uuid(),
  course_id                uuid not null unique references course (id),
  held_on                  date not null,
  evaluation               text not null,
  plan_onward              text,
  citizen_experience       text,
  end_assessment_id        uuid references needs_assessment (id),
  satisfaction             smallint check (satisfaction between 1 and 5),   -- indicator 4
  benefit                  smallint check (benefit between 1 and 5),        -- indicator 5
  recorded_by              uuid references staff_user (id),
  recorded_at              timestamptz not null default now()
);

create table closing_note (
  id                      uuid primary key default gen_random_uuid(),
  course_id               uuid not null unique references course (id),
  body                    text not null,
  composed_at             timestamptz not null default now(),
  sent_on                 date,
  sent_to_gp              boolean not null default false,
  sent_to_hospital        boolean not null default false,
  hospital_department_id  uuid references organisation (id),
  hospital_consent        boolean not null default false,
  sent_by                 uuid references staff_user (id),
  check (not sent_to_hospital or (hospital_consent and hospital_department_id is not null)),
  check (sent_on is not null or not (sent_to_gp or sent_to_hospital))
);

-- ───────────────────────────── catalogue, offerings, routing ─────────────────────────────

create table intervention (
  code                 text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  name_da              text not null,
  name_en              text not null,
  category             text not null check (category in ('physical_training', 'interdisciplinary', 'patient_education', 'occupational_therapy', 'diet', 'other', 'individual')),
  form                 text not null check (form in ('team', 'individual', 'team_or_individual')),
  team_mode            text check (team_mode in ('rolling', 'cohort')),
  description_da       text,
  purpose_da           text,
  target_sex           char(1) check (target_sex in ('F', 'M')),
  target_min_age       integer check (target_min_age >= 0),
  target_max_age       integer check (target_max_age >= 0),
  target_diagnoses     text[],                 -- ICD-10 prefixes; null = all diagnoses
  target_treatment     text[],                 -- treatment statuses; null = any
  target_text_da       text,
  legal_bases          text[] not null default '{}',
  professions          text[] not null default '{}',
  mixed_diagnoses      boolean not null default false,  -- note §8.13: may always be offered at home
  cross_municipal      boolean not null default true,
  expected_per_year    integer check (expected_per_year >= 0),
  cohort_follow_up_weeks integer check (cohort_follow_up_weeks > 0),
  active               boolean not null default true,
  check (target_max_age is null or target_min_age is null or target_max_age >= target_min_age),
  check (form = 'individual' or team_mode is not null),
  check (team_mode is distinct from 'cohort' or form <> 'individual')
);

-- A dose may have several parts (HHK: up to 30 OT, 15 PT and 5 dietitian sessions).
create table intervention_dose_part (
  intervention_code  text not null references intervention (code) on delete cascade,
  part               text not null check (part ~ '^[a-z][a-z0-9_]*$'),
  profession         text check (profession in ('nurse', 'physiotherapist', 'occupational_therapist', 'dietitian', 'physician', 'social_worker', 'administrative', 'other')),
  sessions           integer not null check (sessions > 0),
  up_to              boolean not null default false,
  per_week           numeric(4, 1) check (per_week > 0),
  minutes            integer not null check (minutes > 0),
  primary key (intervention_code, part)
);

create table offering (
  id                     uuid primary key default gen_random_uuid(),
  intervention_code      text not null references intervention (code),
  host_municipality_code char(4) not null references municipality (code),
  place_name             text not null,
  address                text,
  contact_name           text,
  contact_phone          text,
  contact_email          text,
  capacity               integer not null check (capacity >= 0),
  valid_from             date not null,
  valid_to               date,
  note                   text,
  check (valid_to is null or valid_to >= valid_from),
  unique (id, intervention_code),
  unique (id, host_municipality_code, intervention_code)
);

-- (intervention, home municipality) → offering, effective-dated.
create table routing (
  id                     uuid primary key default gen_random_uuid(),
  intervention_code      text not null,
  home_municipality_code char(4) not null references municipality (code),
  offering_id            uuid not null,
  valid_from             date not null,
  valid_to               date,
  inferred               boolean not null default false,  -- not read from the source, inferred (e.g. nearest host)
  note                   text,
  foreign key (offering_id, intervention_code) references offering (id, intervention_code),
  unique (intervention_code, home_municipality_code, offering_id, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);

-- ───────────────────────────── across municipalities ─────────────────────────────

-- An intervention a course sends the citizen to: usually at another municipality's offering,
-- sometimes at home (temporary home offer) or outside the collaboration (§140 free choice).
create table cross_referral (
  id                          uuid primary key default gen_random_uuid(),
  course_id                   uuid not null references course (id),
  kind                        text not null check (kind in ('cross_municipal', 'home', 'temporary_home', 'free_choice_outside')),
  intervention_code           text not null references intervention (code),
  offering_id                 uuid,
  provider_municipality_code  char(4) not null references municipality (code),
  consent_on                  date,
  shared_snapshot             jsonb,             -- exactly what was shared with the provider
  sent_at                     timestamptz,
  sent_by                     uuid references staff_user (id),
  received_on                 date not null,     -- provider's receipt (home offer: date decided)
  provider_decision           text check (provider_decision in ('accepted', 'declined')),
  provider_decision_reason    text,
  provider_contact_on         date,
  deeper_assessment_on        date,
  started_on                  date,
  ended_on                    date,
  end_reason                  text check (end_reason in ('completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other')),
  attendances_recorded        integer check (attendances_recorded >= 0),  -- for imported records without attendance rows
  parallel_home_reason        text,              -- note §8.13 must-use rule
  origin                      text not null default 'ui' constraint cross_referral_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom')),
  created_at                  timestamptz not null default now(),
  foreign key (offering_id, provider_municipality_code, intervention_code)
    references offering (id, host_municipality_code, intervention_code),
  constraint cross_referral_check check (kind = 'free_choice_outside' or offering_id is not null),
  constraint cross_referral_check1 check (kind <> 'cross_municipal' or (consent_on is not null and shared_snapshot is not null)),
  check ((ended_on is null) = (end_reason is null)),
  check (provider_decision is distinct from 'declined' or coalesce(length(provider_decision_reason), 0) > 0),
  check (provider_contact_on is null or provider_contact_on >= received_on),
  check (deeper_assessment_on is null or deeper_assessment_on >= received_on),
  check (started_on is null or started_on >= received_on),
  check (ended_on is null or started_on is null or ended_on >= started_on)
);
create index cross_referral_course_idx on cross_referral (course_id);
create index cross_referral_provider_idx on cross_referral (provider_municipality_code, received_on);

-- Later revisions reach the provider only when the contact person sends an update.
create table cross_referral_update (
  id                 uuid primary key default gen_random_uuid(),
  cross_referral_id  uuid not null references cross_referral (id),
  snapshot           jsonb not null,
  sent_at            timestamptz not null default now(),
  sent_by            uuid references staff_user (id)
);

-- A citizen's decline of an offer (note Table 6), or of the whole course.
create table decline (
  id                 uuid primary key default gen_random_uuid(),
  course_id          uuid not null references course (id),
  cross_referral_id  uuid references cross_referral (id),
  declined_on        date not null,
  reason             text not null check (reason in ('not_relevant', 'too_far', 'already_in_home_course', 'other')),
  note               text,
  recorded_by        uuid references staff_user (id),
  recorded_at        timestamptz not null default now()
);
create index decline_course_idx on decline (course_id);

create table deeper_assessment (
  id                 uuid primary key default gen_random_uuid(),
  cross_referral_id  uuid not null references cross_referral (id),
  assessed_on        date not null,
  profession         text not null check (profession in ('physiotherapist', 'occupational_therapist', 'dietitian', 'nurse')),
  findings           text not null,
  recorded_by        uuid references staff_user (id),
  recorded_at        timestamptz not null default now()
);

create table deeper_assessment_test (
  deeper_assessment_id  uuid not null references deeper_assessment (id) on delete cascade,
  test_code             text not null check (test_code in ('chair_stand_30s', 'six_minute_walk', 'weight', 'grip_strength', 'other')),
  value                 numeric(8, 2) not null check (value >= 0),
  unit                  text not null,
  note                  text,
  constraint deeper_assessment_test_pkey primary key (deeper_assessment_id, test_code)
);

create table provider_goal (
  id                 uuid primary key default gen_random_uuid(),
  cross_referral_id  uuid not null references cross_referral (id),
  description        text not null check (length(description) > 0),
  status             text not null default 'open' check (status in ('open', 'reached', 'partly_reached', 'not_reached', 'dropped')),
  set_on             date not null
);

create table status_note (
  id                 uuid primary key default gen_random_uuid(),
  cross_referral_id  uuid not null references cross_referral (id),
  kind               text not null check (kind in ('start', 'end', 'significant_change', 'other_interventions_needed', 'extra_support_needed')),
  written_on         date not null,
  body               text not null check (length(body) > 0),
  course_end_on      date,                       -- the end note's date starts the closing-conversation clock
  attendance_count   integer check (attendance_count >= 0),
  goals_reached      text,
  author_id          uuid references staff_user (id),
  sent_at            timestamptz not null default now(),
  read_at            timestamptz,
  read_by            uuid references staff_user (id),
  check (kind <> 'end' or course_end_on is not null),
  check ((read_at is null) = (read_by is null))
);
create index status_note_unread_idx on status_note (cross_referral_id) where read_at is null;

-- ───────────────────────────── teams, sessions, attendance ─────────────────────────────

create table team (
  id             uuid primary key default gen_random_uuid(),
  offering_id    uuid not null references offering (id),
  name           text not null check (length(name) > 0),
  mode           text not null check (mode in ('rolling', 'cohort')),
  capacity       integer not null check (capacity > 0),
  session_quota  integer not null check (session_quota > 0),
  starts_on      date not null,
  ends_on        date,
  room           text,
  created_at     timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on),
  unique (id, offering_id)
);

create table team_schedule (
  team_id           uuid not null references team (id) on delete cascade,
  weekday           smallint not null check (weekday between 1 and 7),  -- ISO: 1 = Monday
  start_time        time not null,
  duration_minutes  integer not null check (duration_minutes > 0),
  room              text,
  primary key (team_id, weekday, start_time)
);

create table team_session (
  id                uuid primary key default gen_random_uuid(),
  team_id           uuid not null references team (id),
  starts_at         timestamptz not null,
  duration_minutes  integer not null check (duration_minutes > 0),
  room              text,
  cancelled         boolean not null default false,
  unique (team_id, starts_at),
  unique (id, team_id)
);

create table enrolment (
  id                 uuid primary key default gen_random_uuid(),
  team_id            uuid not null references team (id),
  cross_referral_id  uuid not null references cross_referral (id),
  status             text not null check (status in ('waiting', 'enrolled', 'ended')),
  waiting_since      timestamptz,
  start_on           date,
  quota              integer not null check (quota > 0),
  ended_on           date,
  end_reason         text check (end_reason in ('quota_reached', 'completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other')),
  created_at         timestamptz not null default now(),
  unique (team_id, cross_referral_id),
  unique (id, team_id),
  check (status <> 'enrolled' or start_on is not null),
  check ((status = 'ended') = (ended_on is not null)),
  check ((ended_on is null) = (end_reason is null)),
  check (ended_on is null or start_on is null or ended_on >= start_on)
);

-- Session and enrolment must belong to the same team (composite keys).
create table attendance (
  team_session_id  uuid not null,
  enrolment_id     uuid not null,
  team_id          uuid not null,
  status           text not null check (status in ('attended', 'cancelled', 'no_show')),
  cancel_reason    text,
  recorded_by      uuid references staff_user (id),
  recorded_at      timestamptz not null default now(),
  primary key (team_session_id, enrolment_id),
  foreign key (team_session_id, team_id) references team_session (id, team_id),
  foreign key (enrolment_id, team_id) references enrolment (id, team_id),
  check (status <> 'cancelled' or coalesce(length(cancel_reason), 0) > 0)
);

-- ───────────────────────────── deadlines, calendars, transport ─────────────────────────────

create table deadline_policy (
  id              uuid primary key default gen_random_uuid(),
  kind            text not null check (kind in ('first_contact', 'initial_assessment', 'cross_referral', 'provider_contact', 'deeper_assessment', 'provider_start', 'closing_conversation', 'sul140_training_start')),
  amount          integer not null check (amount > 0),
  unit            text not null check (unit in ('working_days', 'calendar_days', 'months')),
  effective_from  date not null,
  source          text not null,
  unique (kind, effective_from)
);

create table deadline_pause (
  id                 uuid primary key default gen_random_uuid(),
  course_id          uuid not null references course (id),
  cross_referral_id  uuid references cross_referral (id),
  deadline_kind      text not null check (deadline_kind in ('first_contact', 'initial_assessment', 'cross_referral', 'provider_contact', 'deeper_assessment', 'provider_start', 'closing_conversation', 'sul140_training_start')),
  paused_on          date not null,
  resumed_on         date,
  reason             text not null check (reason in ('citizen_wish', 'hospital_admission', 'other')),
  note               text,
  recorded_by        uuid references staff_user (id),
  check (resumed_on is null or resumed_on >= paused_on),
  check (reason <> 'other' or coalesce(length(note), 0) > 0)
);

-- Closing days on top of public holidays: recurring (5 June, 24 and 31 Dec) or one-off;
-- municipality_code null = the collaboration's default set.
create table closing_day (
  id                 uuid primary key default gen_random_uuid(),
  municipality_code  char(4) references municipality (code),
  recurring          boolean not null,
  month              smallint check (month between 1 and 12),
  day                smallint check (day between 1 and 31),
  on_date            date,
  label              text not null,
  check ((recurring and month is not null and day is not null and on_date is null)
      or (not recurring and on_date is not null and month is null and day is null))
);
create unique index closing_day_recurring_key on closing_day (coalesce(municipality_code, '----'), month, day) where recurring;
create unique index closing_day_date_key on closing_day (coalesce(municipality_code, '----'), on_date) where not recurring;

-- Bilag K thresholds, effective-dated (values in refdata/economy).
create table transport_rule (
  id                     uuid primary key default gen_random_uuid(),
  effective_from         date not null unique,
  pensioner_min_dkk      numeric(8, 2) not null check (pensioner_min_dkk >= 0),
  non_pensioner_min_dkk  numeric(8, 2) not null check (non_pensioner_min_dkk >= 0),
  distance_km            numeric(6, 1) not null check (distance_km > 0),
  source                 text not null
);

-- Each municipality's own service level, and Flextur membership, effective-dated.
create table municipality_transport (
  municipality_code  char(4) not null references municipality (code),
  effective_from     date not null,
  flextur_member     boolean not null,
  service_level_da   text,
  co_payment_dkk     numeric(8, 2) check (co_payment_dkk >= 0),
  primary key (municipality_code, effective_from)
);

-- ───────────────────────────── audit ─────────────────────────────

-- Every read and write of a citizen's data, and every refusal. Append-only.
create table audit_event (
  id                    bigint generated always as identity primary key,
  at                    timestamptz not null default now(),
  actor_user_id         uuid references staff_user (id),
  actor_label           text not null,            -- username or system actor name
  actor_municipality    char(4),
  actor_roles           text[] not null default '{}',
  action                text not null check (action ~ '^[a-z_]+\.[a-z_.]+$'),
  entity_type           text,
  entity_id             text,
  citizen_id            uuid references citizen (id),
  purpose               text,
  outcome               text not null check (outcome in ('allowed', 'denied', 'failed')),
  detail                jsonb,
  request_id            text
);
create index audit_event_citizen_idx on audit_event (citizen_id, at);
create index audit_event_actor_idx on audit_event (actor_user_id, at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
