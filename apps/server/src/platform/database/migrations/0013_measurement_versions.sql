-- A measurement of a deeper assessment (weight, six-minute walk, …) is corrected by a new
-- version, never overwritten: the value first recorded is version 1, each correction the next
-- number with who made it, when and why. The current value is the highest version.
alter table deeper_assessment_test add column version integer not null default 1 check (version >= 1);
alter table deeper_assessment_test add column recorded_by uuid references staff_user (id);
alter table deeper_assessment_test add column recorded_at timestamptz;
alter table deeper_assessment_test add column correction_reason text;

-- The versions recorded so far came with their assessment.
update deeper_assessment_test t set recorded_by = a.recorded_by, recorded_at = a.recorded_at
  from deeper_assessment a where a.id = t.deeper_assessment_id;

alter table deeper_assessment_test alter column recorded_at set default now();
alter table deeper_assessment_test alter column recorded_at set not null;
alter table deeper_assessment_test drop constraint deeper_assessment_test_pkey;
alter table deeper_assessment_test add primary key (deeper_assessment_id, test_code, version);
-- A correction says why; the first recording is the assessment itself.
alter table deeper_assessment_test add constraint deeper_assessment_test_correction_reason_check
  check ((version = 1) = (correction_reason is null) and (correction_reason is null or length(correction_reason) > 0));
