// The enum-like text columns (each a CHECK `column in (…)`) and the contracts' list each takes its
// values from: `scripts/db-codegen.ts` types them with the list's union in `schema.ts`, and
// `value-columns.db.test.ts` checks every CHECK's values against the list.
import { assessmentAreas, assessmentOccasions } from '@samkraft/contracts/assessments';
import { attendanceCancellers, citizenCancelReasons } from '@samkraft/contracts/attendance-cancellation';
import { interventionCategories, interventionForms } from '@samkraft/contracts/catalogue';
import { assuranceLevels } from '@samkraft/contracts/auth';
import { auditOutcomes, origins, professions, roles, sexes } from '@samkraft/contracts/common';
import { answerSources } from '@samkraft/contracts/closing-questionnaire';
import { closeReasons, contactChannels } from '@samkraft/contracts/courses';
import { citizenDeclineReasons, crossReferralKinds, providerDecisions, storedDeeperAssessmentProfessions } from '@samkraft/contracts/cross-referrals';
import { deadlineKinds, deadlineUnits, pauseReasons } from '@samkraft/contracts/deadlines';
import { extractFormats } from '@samkraft/contracts/extracts';
import { hospitalEncounterClasses, hospitalEncounterStatuses } from '@samkraft/contracts/hospital-notifications';
import { draftReferralFormats, draftReferralStates } from '@samkraft/contracts/hospital-referrals';
import { followUpChannels } from '@samkraft/contracts/follow-ups';
import { jobKinds, jobStates } from '@samkraft/contracts/jobs';
import { klExportModes } from '@samkraft/contracts/kl-gateway';
import { klLegalBases } from '@samkraft/contracts/kl-gateway-codes';
import { measurementTestCodes } from '@samkraft/contracts/measurements';
import { acknowledgementCodes, messageDirections, messageFormats, messageKinds, messageStates } from '@samkraft/contracts/messaging';
import { planStatuses } from '@samkraft/contracts/planning';
import { goalStatuses, goalStatusOccasions } from '@samkraft/contracts/plans';
import { organisationKinds } from '@samkraft/contracts/organisations';
import { legalBases, referralSources, targetGroups, treatmentStatuses } from '@samkraft/contracts/referrals';
import { providerGoalStatuses, statusNoteEndReasons, statusNoteKinds } from '@samkraft/contracts/status-notes';
import { relativeRelations } from '@samkraft/contracts/relatives';
import { settlementUnits, tariffSources } from '@samkraft/contracts/settlement';
import { attendanceStatuses, enrolmentEndReasons, enrolmentStatuses, sessionKinds, teamModes } from '@samkraft/contracts/teams';

export type ValueList = {
  values: readonly string[];
  /** The union's name, exported by `module`. */
  type: string;
  module: `@samkraft/contracts/${string}`;
};

const list = (values: readonly string[], type: string, file: string): ValueList => ({ values, type, module: `@samkraft/contracts/${file}` });

const origin = list(origins, 'Origin', 'common');
const sex = list(sexes, 'Sex', 'common');
const profession = list(professions, 'Profession', 'common');
const deadlineKind = list(deadlineKinds, 'DeadlineKind', 'deadlines');
const goalStatus = list(goalStatuses, 'GoalStatus', 'plans');
const teamMode = list(teamModes, 'TeamMode', 'teams');
const endReason = list(statusNoteEndReasons, 'StatusNoteEndReason', 'status-notes');
const klLegalBasis = list(klLegalBases, 'KlLegalBasis', 'kl-gateway-codes');
const settlementUnit = list(settlementUnits, 'SettlementUnit', 'settlement');

export const valueColumns: Readonly<Record<string, ValueList>> = {
  'action_plan.origin': origin,
  'assessment_item.area': list(assessmentAreas, 'AssessmentArea', 'assessments'),
  'attendance.cancel_reason_code': list(citizenCancelReasons, 'CitizenCancelReason', 'attendance-cancellation'),
  'attendance.cancelled_by': list(attendanceCancellers, 'AttendanceCanceller', 'attendance-cancellation'),
  'attendance.status': list(attendanceStatuses, 'AttendanceStatus', 'teams'),
  'audit_event.outcome': list(auditOutcomes, 'AuditOutcome', 'common'),
  'citizen.sex': sex,
  'closing_conversation.answer_source': list(answerSources, 'AnswerSource', 'closing-questionnaire'),
  'closing_conversation.origin': origin,
  'closing_note.origin': origin,
  'course.close_reason': list(closeReasons, 'CourseCloseReason', 'courses'),
  'course_contact.channel': list(contactChannels, 'ContactChannel', 'courses'),
  'course_contact.origin': origin,
  'course_relative.relation': list(relativeRelations, 'RelativeRelation', 'relatives'),
  'cross_referral.end_reason': endReason,
  'cross_referral.kind': list(crossReferralKinds, 'CrossReferralKind', 'cross-referrals'),
  'cross_referral.origin': origin,
  'cross_referral.provider_decision': list(providerDecisions, 'ProviderDecision', 'cross-referrals'),
  'deadline_pause.deadline_kind': deadlineKind,
  'deadline_pause.reason': list(pauseReasons, 'PauseReason', 'deadlines'),
  'deadline_policy.kind': deadlineKind,
  'deadline_policy.unit': list(deadlineUnits, 'DeadlineUnit', 'deadlines'),
  'decline.origin': origin,
  'decline.reason': list(citizenDeclineReasons, 'CitizenDeclineReason', 'cross-referrals'),
  'deeper_assessment.profession': list(storedDeeperAssessmentProfessions, 'StoredDeeperAssessmentProfession', 'cross-referrals'),
  'deeper_assessment_test.test_code': list(measurementTestCodes, 'MeasurementTestCode', 'measurements'),
  'draft_referral.format': list(draftReferralFormats, 'DraftReferralFormat', 'hospital-referrals'),
  'draft_referral.state': list(draftReferralStates, 'DraftReferralState', 'hospital-referrals'),
  'hospital_stay.encounter_class': list(hospitalEncounterClasses, 'HospitalEncounterClass', 'hospital-notifications'),
  'hospital_stay.status': list(hospitalEncounterStatuses, 'HospitalEncounterStatus', 'hospital-notifications'),
  'enrolment.end_reason': list(enrolmentEndReasons, 'EnrolmentEndReason', 'teams'),
  'enrolment.status': list(enrolmentStatuses, 'EnrolmentStatus', 'teams'),
  'extract_import.format': list(extractFormats, 'ExtractFormat', 'extracts'),
  'follow_up.channel': list(followUpChannels, 'FollowUpChannel', 'follow-ups'),
  'intervention.category': list(interventionCategories, 'InterventionCategory', 'catalogue'),
  'intervention.form': list(interventionForms, 'InterventionForm', 'catalogue'),
  'intervention.target_sex': sex,
  'intervention.team_mode': teamMode,
  'intervention_dose_part.profession': profession,
  'job.kind': list(jobKinds, 'JobKind', 'jobs'),
  'job.state': list(jobStates, 'JobState', 'jobs'),
  'kl_gateway_condition_code.legal_basis': klLegalBasis,
  'kl_gateway_export.legal_basis': klLegalBasis,
  'kl_gateway_export.mode': list(klExportModes, 'KlExportMode', 'kl-gateway'),
  'kl_gateway_intervention_code.legal_basis': klLegalBasis,
  'message.acknowledgement_code': list(acknowledgementCodes, 'AcknowledgementCode', 'messaging'),
  'message.direction': list(messageDirections, 'MessageDirection', 'messaging'),
  'message.format': list(messageFormats, 'MessageFormat', 'messaging'),
  'message.kind': list(messageKinds, 'MessageKind', 'messaging'),
  'message.state': list(messageStates, 'MessageState', 'messaging'),
  'needs_assessment.occasion': list(assessmentOccasions, 'AssessmentOccasion', 'assessments'),
  'needs_assessment.origin': origin,
  'organisation.kind': list(organisationKinds, 'OrganisationKind', 'organisations'),
  'plan_goal.status': goalStatus,
  'plan_goal_status.occasion': list(goalStatusOccasions, 'GoalStatusOccasion', 'plans'),
  'plan_goal_status.status': goalStatus,
  'planning_scenario.status': list(planStatuses, 'PlanStatus', 'planning'),
  'provider_goal.status': list(providerGoalStatuses, 'ProviderGoalStatus', 'status-notes'),
  'referral.legal_basis': list(legalBases, 'LegalBasis', 'referrals'),
  'referral.origin': origin,
  'referral.source': list(referralSources, 'ReferralSource', 'referrals'),
  'referral.target_group': list(targetGroups, 'TargetGroup', 'referrals'),
  'referral.treatment_status': list(treatmentStatuses, 'TreatmentStatus', 'referrals'),
  'settlement_line.unit': settlementUnit,
  'settlement_tariff.source': list(tariffSources, 'TariffSource', 'settlement'),
  'settlement_tariff.unit': settlementUnit,
  'staff_role.role': list(roles, 'Role', 'common'),
  'staff_session.assurance_level': list(assuranceLevels, 'AssuranceLevel', 'auth'),
  'staff_user.profession': profession,
  'status_note.end_reason': endReason,
  'status_note.kind': list(statusNoteKinds, 'StatusNoteKind', 'status-notes'),
  'team.mode': teamMode,
  'team_session.kind': list(sessionKinds, 'SessionKind', 'teams'),
};
