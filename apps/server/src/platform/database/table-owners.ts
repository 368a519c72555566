/*
 * Who owns each table: the one part of the server that writes it (a feature under features/, in
 * its repositories, its seed and its bulk writes; or a platform module), and who else may read it.
 * Every other feature that changes a table calls its owner's service, inside its own transaction;
 * the bulk loaders (demo seed, scale data, extract import, reference-data seed) call the owner's
 * set-based bulk writes in `<owner>.bulk.ts` (platform/database/bulk-write.ts). ARCHITECTURE.md
 * "Table ownership" is this map as a table; `table-owners.test.ts` reads the source and fails on a
 * write by anyone but the owner, a read the map does not allow, a table of schema.ts that is
 * missing here, and when the two disagree.
 *
 * Temporary tables (`create temporary table`, e.g. extract_stage_*, syn_*) belong to the feature
 * that creates them and are not listed.
 */

export type TableOwnership = {
  /** The feature (`features/<name>`) or platform module (`platform/<module>`) whose repositories write the table. */
  owner: string;
  /** The other parts that read it (in their own queries). */
  readers: readonly string[];
  /** Set when the table is written by a database trigger only, never by code: which one. */
  trigger?: string;
};

export const tableOwners = {
  action_plan: { owner: 'plans', readers: ['citizen-portal', 'courses', 'cross-referrals', 'deadlines', 'extracts', 'reports'] },
  action_plan_responsibility: { owner: 'plans', readers: ['citizen-portal', 'cross-referrals'] },
  assessment_item: { owner: 'reference-data', readers: ['assessments', 'cross-referrals', 'demo', 'kl-gateway', 'suggestions'] },
  attendance: { owner: 'teams', readers: ['citizen-appointments', 'kl-gateway', 'settlement'] },
  audit_event: { owner: 'platform/audit', readers: ['audit-review', 'start'] },
  cancer_potential: { owner: 'reference-data', readers: ['reports', 'scale-data'] },
  citizen: { owner: 'citizens', readers: ['audit-review', 'citizen-auth', 'citizen-search', 'closings', 'courses', 'deadlines', 'extracts', 'follow-ups', 'hospital-notifications', 'kl-gateway', 'messaging', 'plans', 'platform/audit', 'provider-inbox', 'referrals', 'reports', 'scale-data', 'status-notes', 'suggestions', 'teams', 'transport'] },
  citizen_calendar_feed: { owner: 'citizen-appointments', readers: [] },
  citizen_session: { owner: 'citizen-auth', readers: [] },
  citizen_sign_in: { owner: 'citizen-auth', readers: [] },
  closing_conversation: { owner: 'closings', readers: ['courses', 'deadlines', 'extracts', 'kl-gateway', 'reports'] },
  closing_day: { owner: 'calendar', readers: [] },
  closing_note: { owner: 'closings', readers: ['extracts'] },
  course: { owner: 'courses', readers: ['assessments', 'audit-review', 'citizen-appointments', 'citizen-portal', 'citizen-search', 'citizens', 'closings', 'cross-referrals', 'deadlines', 'extracts', 'follow-ups', 'hospital-notifications', 'hospital-referrals', 'kl-gateway', 'messaging', 'planning', 'plans', 'provider-inbox', 'referrals', 'relatives', 'reports', 'settlement', 'start', 'status-notes', 'suggestions', 'teams', 'transport'] },
  course_assignment: { owner: 'courses', readers: ['audit-review', 'citizen-portal', 'closings', 'deadlines', 'plans', 'start', 'status-notes'] },
  course_contact: { owner: 'courses', readers: ['deadlines', 'extracts', 'kl-gateway'] },
  cross_referral: { owner: 'cross-referrals', readers: ['audit-review', 'citizen-appointments', 'citizen-portal', 'citizen-search', 'citizens', 'closings', 'courses', 'deadlines', 'extracts', 'hospital-notifications', 'kl-gateway', 'planning', 'provider-inbox', 'reports', 'scale-data', 'settlement', 'start', 'status-notes', 'teams', 'transport'] },
  course_relative: { owner: 'relatives', readers: ['teams'] },
  cross_referral_update: { owner: 'cross-referrals', readers: ['provider-inbox'] },
  deadline_pause: { owner: 'deadlines', readers: [] },
  deadline_policy: { owner: 'deadlines', readers: [] },
  deadline_rules_version: { owner: 'deadlines', readers: [], trigger: 'bump_deadline_rules_version (migration 0012), on any change of deadline_policy or closing_day' },
  decline: { owner: 'cross-referrals', readers: ['deadlines', 'extracts', 'kl-gateway', 'provider-inbox', 'reports'] },
  deeper_assessment: { owner: 'provider-inbox', readers: ['deadlines', 'extracts'] },
  deeper_assessment_test: { owner: 'provider-inbox', readers: [] },
  diagnosis: { owner: 'reference-data', readers: ['catalogue', 'closings', 'courses', 'cross-referrals', 'deadlines', 'extracts', 'kl-gateway', 'public-catalogue', 'referrals'] },
  draft_referral: { owner: 'hospital-referrals', readers: [] },
  enrolment: { owner: 'teams', readers: ['citizen-appointments', 'cross-referrals', 'hospital-notifications', 'kl-gateway', 'public-catalogue', 'reports', 'settlement', 'start', 'status-notes', 'suggestions'] },
  extract_import: { owner: 'extracts', readers: [] },
  follow_up: { owner: 'follow-ups', readers: [] },
  health_probe: { owner: 'health', readers: [] },
  hospital_notification_setting: { owner: 'hospital-notifications', readers: [] },
  hospital_stay: { owner: 'hospital-notifications', readers: [] },
  intervention: { owner: 'catalogue', readers: ['citizen-appointments', 'citizen-portal', 'closings', 'cross-referrals', 'deadlines', 'demo', 'extracts', 'kl-gateway', 'provider-inbox', 'public-catalogue', 'reports', 'scale-data', 'settlement', 'start', 'status-notes', 'suggestions', 'teams'] },
  intervention_dose_part: { owner: 'catalogue', readers: ['public-catalogue', 'suggestions', 'teams'] },
  job: { owner: 'jobs', readers: [] },
  kl_gateway_condition_code: { owner: 'kl-gateway', readers: [] },
  kl_gateway_delivered_bundle: { owner: 'kl-gateway', readers: [] },
  kl_gateway_delivered_resource: { owner: 'kl-gateway', readers: [] },
  kl_gateway_export: { owner: 'kl-gateway', readers: [] },
  kl_gateway_intervention_code: { owner: 'kl-gateway', readers: [] },
  kl_gateway_municipality: { owner: 'kl-gateway', readers: [] },
  message: { owner: 'messaging', readers: [] },
  municipality: { owner: 'auth', readers: ['assessments', 'audit-review', 'calendar', 'catalogue', 'citizen-appointments', 'citizen-portal', 'citizen-search', 'citizens', 'closings', 'courses', 'cross-referrals', 'demo', 'extracts', 'hospital-notifications', 'hospital-referrals', 'kl-gateway', 'organisations', 'plans', 'platform/audit', 'provider-inbox', 'public-catalogue', 'reference', 'reports', 'scale-data', 'settlement', 'start', 'status-notes', 'suggestions', 'teams', 'transport'] },
  municipality_transport: { owner: 'transport', readers: [] },
  needs_assessment: { owner: 'assessments', readers: ['closings', 'courses', 'cross-referrals', 'deadlines', 'extracts', 'kl-gateway', 'reports', 'suggestions'] },
  needs_assessment_problem: { owner: 'assessments', readers: ['cross-referrals', 'kl-gateway', 'suggestions'] },
  offering: { owner: 'catalogue', readers: ['citizen-appointments', 'citizen-portal', 'cross-referrals', 'planning', 'public-catalogue', 'reports', 'scale-data', 'start', 'suggestions', 'teams'] },
  organisation: { owner: 'organisations', readers: ['closings', 'courses', 'hospital-referrals', 'kl-gateway'] },
  plan_goal: { owner: 'plans', readers: ['citizen-portal', 'cross-referrals'] },
  plan_goal_status: { owner: 'plans', readers: ['citizen-portal'] },
  planning_scenario: { owner: 'planning', readers: [] },
  preparation_form: { owner: 'assessments', readers: [] },
  provider_goal: { owner: 'provider-inbox', readers: ['status-notes'] },
  referral: { owner: 'referrals', readers: ['assessments', 'audit-review', 'citizen-appointments', 'citizen-portal', 'citizen-search', 'citizens', 'closings', 'courses', 'cross-referrals', 'deadlines', 'extracts', 'follow-ups', 'hospital-notifications', 'kl-gateway', 'messaging', 'planning', 'plans', 'provider-inbox', 'relatives', 'reports', 'settlement', 'start', 'status-notes', 'suggestions', 'teams', 'transport'] },
  relative_attendance: { owner: 'teams', readers: [] },
  routing: { owner: 'catalogue', readers: ['cross-referrals', 'planning', 'public-catalogue', 'suggestions'] },
  schema_migration: { owner: 'platform/database', readers: [] },
  settlement: { owner: 'settlement', readers: [] },
  settlement_line: { owner: 'settlement', readers: [] },
  settlement_tariff: { owner: 'settlement', readers: [] },
  saml_assertion_seen: { owner: 'platform/auth', readers: [] },
  staff_identity: { owner: 'auth', readers: [] },
  staff_role: { owner: 'auth', readers: ['audit-review', 'courses', 'start'] },
  staff_session: { owner: 'auth', readers: [] },
  staff_sign_in: { owner: 'auth', readers: [] },
  staff_user: { owner: 'auth', readers: ['assessments', 'audit-review', 'citizen-portal', 'closings', 'courses', 'deadlines', 'demo', 'follow-ups', 'hospital-notifications', 'hospital-referrals', 'planning', 'plans', 'platform/audit', 'prepare-database', 'provider-inbox', 'scale-data', 'start', 'status-notes'] },
  status_note: { owner: 'status-notes', readers: ['closings', 'deadlines'] },
  system_setting: { owner: 'platform/settings', readers: [] },
  team: { owner: 'teams', readers: ['citizen-appointments', 'public-catalogue', 'reports', 'start', 'suggestions'] },
  team_schedule: { owner: 'teams', readers: ['start'] },
  team_session: { owner: 'teams', readers: ['citizen-appointments', 'kl-gateway', 'public-catalogue', 'settlement', 'suggestions'] },
  transport_rule: { owner: 'transport', readers: [] },
} as const satisfies Record<string, TableOwnership>;

export type OwnedTable = keyof typeof tableOwners;
