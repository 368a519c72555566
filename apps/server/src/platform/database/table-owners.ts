/*
 * Who owns each table: the one part of the server whose repositories write it (a feature under
 * features/, or a platform module), who else may read it, and the bulk loaders allowed to write it
 * set-based besides its owner (the demo seed, the synthetic scale data, the reference-data seed and
 * the extract import write many tables in one transaction, where a call per row into each owner's
 * service would break the volume rules). Every other feature that changes a table calls its
 * owner's service, inside its own transaction. ARCHITECTURE.md "Table ownership" is this map as a
 * table; `table-owners.test.ts` reads the source and fails on a write or read the map does not
 * allow, on a table of schema.ts that is missing here, and when the two disagree.
 *
 * Temporary tables (`create temporary table`, e.g. extract_stage_*, syn_*) belong to the feature
 * that creates them and are not listed.
 */

export type TableOwnership = {
  /** The feature (`features/<name>`) or platform module (`platform/<module>`) whose repositories write the table. */
  owner: string;
  /** The other parts that read it (in their own queries). */
  readers: readonly string[];
  /** The bulk loaders that may write it besides the owner. */
  loaders: readonly string[];
};

export const tableOwners = {
  action_plan: { owner: 'plans', readers: ['courses', 'cross-referrals', 'deadlines', 'reports'], loaders: ['extracts'] },
  action_plan_responsibility: { owner: 'plans', readers: ['cross-referrals'], loaders: [] },
  assessment_item: { owner: 'reference-data', readers: ['assessments', 'cross-referrals', 'demo', 'kl-gateway', 'suggestions'], loaders: [] },
  attendance: { owner: 'teams', readers: ['kl-gateway'], loaders: [] },
  audit_event: { owner: 'platform/audit', readers: ['start'], loaders: [] },
  cancer_potential: { owner: 'reference-data', readers: ['reports', 'scale-data'], loaders: [] },
  citizen: { owner: 'citizens', readers: ['citizen-search', 'closings', 'courses', 'deadlines', 'follow-ups', 'kl-gateway', 'plans', 'provider-inbox', 'referrals', 'reports', 'scale-data', 'status-notes', 'suggestions', 'teams', 'transport'], loaders: ['extracts'] },
  closing_conversation: { owner: 'closings', readers: ['courses', 'deadlines', 'kl-gateway', 'reports'], loaders: ['extracts'] },
  closing_day: { owner: 'calendar', readers: [], loaders: [] },
  closing_note: { owner: 'closings', readers: [], loaders: ['extracts'] },
  course: { owner: 'courses', readers: ['assessments', 'citizen-search', 'citizens', 'closings', 'cross-referrals', 'deadlines', 'follow-ups', 'kl-gateway', 'plans', 'provider-inbox', 'referrals', 'reports', 'start', 'status-notes', 'suggestions', 'teams', 'transport'], loaders: ['extracts'] },
  course_assignment: { owner: 'courses', readers: ['closings', 'deadlines', 'plans', 'start', 'status-notes'], loaders: [] },
  course_contact: { owner: 'courses', readers: ['deadlines', 'kl-gateway'], loaders: ['extracts'] },
  cross_referral: { owner: 'cross-referrals', readers: ['citizen-search', 'citizens', 'closings', 'courses', 'deadlines', 'kl-gateway', 'provider-inbox', 'reports', 'scale-data', 'start', 'status-notes', 'teams', 'transport'], loaders: ['extracts'] },
  cross_referral_update: { owner: 'cross-referrals', readers: ['provider-inbox'], loaders: [] },
  deadline_pause: { owner: 'deadlines', readers: [], loaders: [] },
  deadline_policy: { owner: 'deadlines', readers: [], loaders: [] },
  deadline_rules_version: { owner: 'deadlines', readers: [], loaders: [] },
  decline: { owner: 'cross-referrals', readers: ['deadlines', 'kl-gateway', 'provider-inbox', 'reports'], loaders: ['extracts'] },
  deeper_assessment: { owner: 'provider-inbox', readers: ['deadlines', 'extracts'], loaders: [] },
  deeper_assessment_test: { owner: 'provider-inbox', readers: [], loaders: [] },
  diagnosis: { owner: 'reference-data', readers: ['catalogue', 'closings', 'courses', 'cross-referrals', 'deadlines', 'extracts', 'kl-gateway', 'referrals'], loaders: [] },
  enrolment: { owner: 'teams', readers: ['cross-referrals', 'kl-gateway', 'start', 'status-notes', 'suggestions'], loaders: [] },
  extract_import: { owner: 'extracts', readers: [], loaders: [] },
  follow_up: { owner: 'follow-ups', readers: [], loaders: [] },
  health_probe: { owner: 'health', readers: [], loaders: [] },
  intervention: { owner: 'catalogue', readers: ['closings', 'cross-referrals', 'deadlines', 'demo', 'extracts', 'kl-gateway', 'provider-inbox', 'reports', 'scale-data', 'start', 'status-notes', 'suggestions', 'teams'], loaders: [] },
  intervention_dose_part: { owner: 'catalogue', readers: ['suggestions', 'teams'], loaders: [] },
  job: { owner: 'jobs', readers: [], loaders: [] },
  kl_gateway_condition_code: { owner: 'kl-gateway', readers: [], loaders: [] },
  kl_gateway_delivered_bundle: { owner: 'kl-gateway', readers: [], loaders: [] },
  kl_gateway_delivered_resource: { owner: 'kl-gateway', readers: [], loaders: [] },
  kl_gateway_export: { owner: 'kl-gateway', readers: [], loaders: [] },
  kl_gateway_intervention_code: { owner: 'kl-gateway', readers: [], loaders: [] },
  kl_gateway_municipality: { owner: 'kl-gateway', readers: [], loaders: [] },
  municipality: { owner: 'auth', readers: ['calendar', 'catalogue', 'citizen-search', 'citizens', 'closings', 'courses', 'cross-referrals', 'demo', 'extracts', 'kl-gateway', 'plans', 'provider-inbox', 'reference', 'reports', 'scale-data', 'start', 'status-notes', 'suggestions', 'teams', 'transport'], loaders: [] },
  municipality_transport: { owner: 'transport', readers: [], loaders: [] },
  needs_assessment: { owner: 'assessments', readers: ['closings', 'courses', 'cross-referrals', 'deadlines', 'kl-gateway', 'reports', 'suggestions'], loaders: ['extracts'] },
  needs_assessment_problem: { owner: 'assessments', readers: ['cross-referrals', 'kl-gateway', 'suggestions'], loaders: [] },
  offering: { owner: 'catalogue', readers: ['cross-referrals', 'scale-data', 'start', 'suggestions', 'teams'], loaders: [] },
  organisation: { owner: 'referrals', readers: ['closings', 'courses', 'kl-gateway'], loaders: [] },
  plan_goal: { owner: 'plans', readers: ['cross-referrals'], loaders: [] },
  plan_goal_status: { owner: 'plans', readers: [], loaders: [] },
  provider_goal: { owner: 'provider-inbox', readers: ['status-notes'], loaders: [] },
  referral: { owner: 'referrals', readers: ['citizen-search', 'citizens', 'closings', 'courses', 'cross-referrals', 'deadlines', 'follow-ups', 'kl-gateway', 'plans', 'provider-inbox', 'reports', 'start', 'status-notes', 'suggestions', 'teams', 'transport'], loaders: ['extracts'] },
  routing: { owner: 'catalogue', readers: ['cross-referrals', 'suggestions'], loaders: [] },
  schema_migration: { owner: 'platform/database', readers: [], loaders: [] },
  staff_role: { owner: 'auth', readers: ['courses', 'start'], loaders: [] },
  staff_session: { owner: 'auth', readers: [], loaders: [] },
  staff_user: { owner: 'auth', readers: ['assessments', 'closings', 'courses', 'deadlines', 'demo', 'follow-ups', 'plans', 'prepare-database', 'provider-inbox', 'scale-data', 'start', 'status-notes'], loaders: [] },
  status_note: { owner: 'status-notes', readers: ['closings', 'deadlines'], loaders: [] },
  system_setting: { owner: 'platform/settings', readers: [], loaders: [] },
  team: { owner: 'teams', readers: ['start', 'suggestions'], loaders: [] },
  team_schedule: { owner: 'teams', readers: ['start'], loaders: [] },
  team_session: { owner: 'teams', readers: ['kl-gateway', 'suggestions'], loaders: [] },
  transport_rule: { owner: 'transport', readers: [], loaders: [] },
} as const satisfies Record<string, TableOwnership>;

export type OwnedTable = keyof typeof tableOwners;
