-- The preparation form "Støtte til livet med kræft" in the citizen portal (issue 13.3, note §8.9:
-- the home municipality sends it to the citizen before the initial needs assessment). The contact
-- person sends it from the course; the citizen opens it, saves and comes back, and submits it once.
-- The row is the citizen's own answer and stays as the citizen gave it: the professional's needs
-- assessment (needs_assessment) is a record of its own, drafted from these answers in the web and
-- saved by the professional — completing it never writes here. Owned by `assessments`.
create table preparation_form (
  id                  uuid constraint preparation_form_pkey primary key default gen_random_uuid(),
  course_id           uuid not null constraint preparation_form_course_id_fkey references course (id),
  -- the course's citizen, kept so a citizen's session finds their own forms by its index
  citizen_id          uuid not null constraint preparation_form_citizen_id_fkey references citizen (id),
  sent_at             timestamptz not null,
  sent_by             uuid not null constraint preparation_form_sent_by_fkey references staff_user (id),
  reminder_count      integer not null default 0 constraint preparation_form_reminder_count_check check (reminder_count >= 0),
  last_reminded_at    timestamptz,
  last_reminded_by    uuid constraint preparation_form_last_reminded_by_fkey references staff_user (id),
  -- the first time the citizen opened the form
  opened_at           timestamptz,
  -- the citizen's latest save before submitting
  saved_at            timestamptz,
  -- submitted: final for the citizen
  answered_at         timestamptz,
  -- the tool's overall score (0 = no burden, 10 = extreme)
  scale_score         smallint constraint preparation_form_scale_score_check check (scale_score between 0 and 10),
  -- the problem areas the citizen ticked: codes of assessment_item, checked by the service
  problem_codes       text[] not null default '{}',
  what_matters_most   text,
  constraint preparation_form_course_id_key unique (course_id),
  constraint preparation_form_answered_check check (answered_at is null or (scale_score is not null and opened_at is not null)),
  constraint preparation_form_reminded_check check ((reminder_count = 0) = (last_reminded_at is null))
);
create index preparation_form_citizen_id_idx on preparation_form (citizen_id);
create index preparation_form_sent_by_idx on preparation_form (sent_by);
create index preparation_form_last_reminded_by_idx on preparation_form (last_reminded_by);
