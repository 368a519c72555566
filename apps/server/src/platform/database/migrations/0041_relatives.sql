-- Relatives (pårørende, issue 13.8; note §8.8 and Bilag H: relatives may take part with the
-- citizen). A relative is registered on the course by the home municipality with the citizen's
-- consent to the relative taking part and, separately, to sharing the relative's name with the
-- providing municipality. No CPR number is kept for a relative. Owned by `relatives`.
create table course_relative (
  id                              uuid constraint course_relative_pkey primary key default gen_random_uuid(),
  course_id                       uuid not null constraint course_relative_course_id_fkey references course (id),
  name                            text not null constraint course_relative_name_check check (length(btrim(name)) between 1 and 200),
  relation                        text not null constraint course_relative_relation_check
                                    check (relation in ('partner', 'child', 'parent', 'sibling', 'other_family', 'friend', 'other')),
  phone                           text,
  -- the citizen's consent to the relative taking part: a relative is registered only with it
  consent_to_participate          boolean not null constraint course_relative_consent_to_participate_check check (consent_to_participate),
  -- the citizen's consent to sharing the relative's name with the providing municipality
  consent_to_share_with_provider  boolean not null,
  consent_given_on                date not null,
  starts_on                       date not null,
  ends_on                         date,
  created_by                      uuid constraint course_relative_created_by_fkey references staff_user (id),
  created_at                      timestamptz not null default now(),
  updated_by                      uuid constraint course_relative_updated_by_fkey references staff_user (id),
  updated_at                      timestamptz,
  constraint course_relative_ends_on_check check (ends_on is null or ends_on >= starts_on)
);
create index course_relative_course_id_idx on course_relative (course_id);

-- A relative's attendance at a team session, beside the participant (enrolment) they came with.
-- Apart from `attendance`, so it never counts as a session of the citizen's quota. Owned by `teams`.
create table relative_attendance (
  team_session_id     uuid not null constraint relative_attendance_team_session_id_fkey references team_session (id),
  course_relative_id  uuid not null constraint relative_attendance_course_relative_id_fkey references course_relative (id),
  enrolment_id        uuid not null constraint relative_attendance_enrolment_id_fkey references enrolment (id),
  team_id             uuid not null constraint relative_attendance_team_id_fkey references team (id),
  recorded_by         uuid constraint relative_attendance_recorded_by_fkey references staff_user (id),
  recorded_at         timestamptz not null default now(),
  constraint relative_attendance_pkey primary key (team_session_id, course_relative_id)
);
create index relative_attendance_course_relative_id_idx on relative_attendance (course_relative_id);
create index relative_attendance_enrolment_id_idx on relative_attendance (enrolment_id);
create index relative_attendance_team_id_idx on relative_attendance (team_id);
