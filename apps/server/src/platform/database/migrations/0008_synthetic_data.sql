-- Synthetic scale data (features/scale-data): generated records for benchmarks and load tests.
--
-- A generated database must never be mistaken for real data, nor real data be mixed into one:
-- synthetic citizens already carry a pseudonym and `is_synthetic`; the staff and offerings the
-- generator makes are marked too, and every record of a pathway carries origin 'synthetic'.

alter table staff_user add column is_synthetic boolean not null default false;
alter table offering add column is_synthetic boolean not null default false;

alter table referral drop constraint referral_origin_check;
alter table referral add constraint referral_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table cross_referral drop constraint cross_referral_origin_check;
alter table cross_referral add constraint cross_referral_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table course_contact drop constraint course_contact_origin_check;
alter table course_contact add constraint course_contact_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table needs_assessment drop constraint needs_assessment_origin_check;
alter table needs_assessment add constraint needs_assessment_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table action_plan drop constraint action_plan_origin_check;
alter table action_plan add constraint action_plan_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table decline drop constraint decline_origin_check;
alter table decline add constraint decline_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table closing_conversation drop constraint closing_conversation_origin_check;
alter table closing_conversation add constraint closing_conversation_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));
alter table closing_note drop constraint closing_note_origin_check;
alter table closing_note add constraint closing_note_origin_check check (origin in ('ui', 'api', 'import', 'demo', 'fhir', 'medcom', 'synthetic'));

-- Synthetic staff cannot sign in with a password nor as demo users; benchmarks open sessions
-- for them directly.
alter table staff_user add constraint staff_user_synthetic_check check (not is_synthetic or (password_hash is null and not is_demo));
