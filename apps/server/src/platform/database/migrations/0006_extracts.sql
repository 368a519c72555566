-- Case-record extracts (shared/EXTRACT-FORMAT.md): import and export of referrals and their
-- interventions as dated steps.
--
-- An extract carries only the DATES of the pathway's steps, not the texts a UI record has (plan
-- contents, evaluation, closing note body, contact channel). An imported step is therefore a row
-- marked origin 'import' that carries its date and empty texts (a null contact channel); a row
-- made in the UI still needs its texts.
-- An imported intervention has no offering (the extract names only the intervention and the
-- providing municipality) and no consent or shared snapshot (it was never sent through Samkraft).

-- One row per stored import: who, when, which files (SHA-256 of their bytes) and what changed.
create table extract_import (
  id                  uuid primary key default gen_random_uuid(),
  file_hash           text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  file_names          text[] not null,
  format              text not null check (format in ('csv', 'xlsx')),
  referral_rows       integer not null check (referral_rows >= 0),
  intervention_rows   integer not null check (intervention_rows >= 0),
  created_count       integer not null check (created_count >= 0),
  updated_count       integer not null check (updated_count >= 0),
  unchanged_count     integer not null check (unchanged_count >= 0),
  actor_user_id       uuid references staff_user (id),
  actor_label         text not null,
  imported_at         timestamptz not null default now(),
  check (created_count + updated_count + unchanged_count = referral_rows)
);
create index extract_import_hash_idx on extract_import (file_hash);

-- Where each step row came from, like referral.origin and cross_referral.origin.
alter table course_contact add column origin text not null default 'ui' constraint course_contact_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom'));
alter table needs_assessment add column origin text not null default 'ui' constraint needs_assessment_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom'));
alter table action_plan add column origin text not null default 'ui' constraint action_plan_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom'));
alter table decline add column origin text not null default 'ui' constraint decline_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom'));
alter table closing_conversation add column origin text not null default 'ui' constraint closing_conversation_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom'));
alter table closing_note add column origin text not null default 'ui' constraint closing_note_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom'));

-- An imported first contact has no known channel; every other contact still has one.
alter table course_contact alter column channel drop not null;
alter table course_contact add constraint course_contact_channel_check_origin check (channel is not null or origin = 'import');

-- An imported plan's texts are empty (not known); a plan made in Samkraft still needs them. Its
-- first follow-up date is set to the agreed date, the earliest the 0001 check allows.
alter table action_plan drop constraint action_plan_difficulties_and_needs_check;
alter table action_plan drop constraint action_plan_purpose_and_content_check;
alter table action_plan drop constraint action_plan_location_check;
alter table action_plan add constraint action_plan_contents_check_origin check (
  origin = 'import' or (length(difficulties_and_needs) > 0 and length(purpose_and_content) > 0 and length(location) > 0)
);
-- closing_conversation.evaluation and closing_note.body are stored empty for an imported row.

-- 0001's first two table checks on cross_referral (named there as PostgreSQL first named them): an offering unless free choice,
-- and consent + snapshot for a cross-municipal one. Both are kept for every non-imported row.
alter table cross_referral drop constraint cross_referral_check;
alter table cross_referral drop constraint cross_referral_check1;
alter table cross_referral add constraint cross_referral_offering_check
  check (kind = 'free_choice_outside' or offering_id is not null or origin = 'import');
alter table cross_referral add constraint cross_referral_consent_check
  check (kind <> 'cross_municipal' or origin = 'import' or (consent_on is not null and shared_snapshot is not null));
