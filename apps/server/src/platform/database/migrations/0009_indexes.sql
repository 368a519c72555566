-- Indexes for the volume Samkraft holds: ten years of the whole country (≈ 200 k referrals,
-- 3 M attendance rows). Every foreign key that a query joins or filters on has an index whose
-- first column is the key's first column; the few that have none are listed, with the reason, in
-- platform/database/indexes.db.test.ts, which fails on a new foreign key without one.
-- (On a server with data, each CREATE INDEX locks writes to its table while it builds: run the
-- upgrade in a quiet hour.)

create index attendance_enrolment_idx on attendance (enrolment_id, status);
create index course_assignment_course_idx on course_assignment (course_id, assigned_at);
create index citizen_gp_idx on citizen (gp_organisation_id);
create index closing_conversation_end_assessment_idx on closing_conversation (end_assessment_id);
create index closing_conversation_held_idx on closing_conversation (held_on);
create index closing_day_municipality_idx on closing_day (municipality_code);
create index closing_note_gp_idx on closing_note (gp_organisation_id);
create index closing_note_hospital_department_idx on closing_note (hospital_department_id);
create index cross_referral_offering_idx on cross_referral (offering_id);
create index cross_referral_ended_idx on cross_referral (ended_on);
create index cross_referral_update_cross_referral_idx on cross_referral_update (cross_referral_id);
create index deadline_pause_course_idx on deadline_pause (course_id);
create index deadline_pause_cross_referral_idx on deadline_pause (cross_referral_id);
create index decline_cross_referral_idx on decline (cross_referral_id);
create index deeper_assessment_cross_referral_idx on deeper_assessment (cross_referral_id);
create index enrolment_cross_referral_idx on enrolment (cross_referral_id);
create index needs_assessment_course_idx on needs_assessment (course_id, occasion);
create index offering_host_idx on offering (host_municipality_code);
create index offering_intervention_idx on offering (intervention_code);
create index organisation_municipality_idx on organisation (municipality_code);
create index organisation_parent_idx on organisation (parent_id);
create index provider_goal_cross_referral_idx on provider_goal (cross_referral_id);
create index referral_linked_idx on referral (linked_referral_id);
create index referral_referring_organisation_idx on referral (referring_organisation_id);
create index routing_home_idx on routing (home_municipality_code);
create index routing_offering_idx on routing (offering_id);
create index staff_user_municipality_idx on staff_user (municipality_code);
create index team_offering_idx on team (offering_id);

-- Open courses: the worklist and the start pages read only these.
create index course_open_idx on course (id) include (referral_id) where closed_on is null;
