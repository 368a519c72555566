import type { AssessmentArea, AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { LegalBasis, ReferralSource } from '@samkraft/contracts/referrals';
import type { ProviderReferralState } from '@samkraft/contracts/cross-referrals';
import type { StatusNoteKind } from '@samkraft/contracts/status-notes';
import type { GoalStatus } from '@samkraft/contracts/plans';
import type { CodeableConcept, Coding } from './fhir-types.ts';

/**
 * Samkraft's own namespace for the code systems, naming systems and questionnaires it defines
 * (not resolvable yet): one constant, to change when the installation publishes its canonical URL.
 */
export const SAMKRAFT_FHIR = 'https://samkraft.dk/fhir';

export const system = {
  /** A record's own UUID as an identifier (FHIR's convention for URIs). */
  uri: 'urn:ietf:rfc:3986',
  /** SKS (the Danish health classification, with the ICD-10 diagnoses as DCxx codes). */
  sks: 'urn:oid:1.2.208.176.2.4',
  pseudonym: `${SAMKRAFT_FHIR}/NamingSystem/pseudonym`,
  replacementCpr: `${SAMKRAFT_FHIR}/NamingSystem/replacement-cpr`,
  assessmentOccasion: `${SAMKRAFT_FHIR}/CodeSystem/assessment-occasion`,
  assessmentItem: `${SAMKRAFT_FHIR}/CodeSystem/assessment-item`,
  statusNoteKind: `${SAMKRAFT_FHIR}/CodeSystem/status-note-kind`,
  auditAction: `${SAMKRAFT_FHIR}/CodeSystem/audit-action`,
  entity: (entityType: string) => `${SAMKRAFT_FHIR}/NamingSystem/${entityType}`,
  organisationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
} as const;

export const questionnaire = {
  needsAssessment: `${SAMKRAFT_FHIR}/Questionnaire/stoette-til-livet-med-kraeft`,
  closing: `${SAMKRAFT_FHIR}/Questionnaire/afsluttende-samtale`,
} as const;

export const areaDa: Record<AssessmentArea, string> = {
  physical: 'Fysisk',
  psychological: 'Psykisk',
  social: 'Socialt',
  practical: 'Praktisk',
  existential: 'Eksistentielt',
  work_economy: 'Arbejde og økonomi',
  relatives: 'Pårørende',
};

export const occasionDa: Record<AssessmentOccasion, string> = { initial: 'Indledende behovsvurdering', change: 'Ændret tilstand', end: 'Afsluttende behovsvurdering' };

export const legalBasisDa: Record<LegalBasis, string> = {
  SUL119: 'Sundhedsloven § 119 (forebyggelse og sundhedsfremme)',
  SUL140: 'Sundhedsloven § 140 (genoptræning efter udskrivning)',
  'SEL86-1': 'Serviceloven § 86, stk. 1',
  'SEL86-2': 'Serviceloven § 86, stk. 2',
};

export const sourceDa: Record<ReferralSource, string> = {
  gp: 'Egen læge',
  hospital_gop: 'Hospital (genoptræningsplan)',
  hospital_ref01: 'Hospital (henvisning)',
  municipal: 'Kommunen',
  self: 'Borgeren selv',
  other: 'Andet',
};

export const providerStateDa: Record<ProviderReferralState, string> = {
  new: 'Ny',
  accepted: 'Accepteret',
  started: 'Startet',
  ended: 'Afsluttet',
  declined: 'Afvist af leverandøren',
  citizen_declined: 'Fravalgt af borgeren',
};

export const statusNoteKindDa: Record<StatusNoteKind, string> = {
  start: 'Start',
  end: 'Afslutning',
  significant_change: 'Væsentlig ændring',
  other_interventions_needed: 'Behov for andre indsatser',
  extra_support_needed: 'Behov for ekstra støtte',
};

export const goalStatusDa: Record<GoalStatus, string> = { open: 'Åben', reached: 'Nået', partly_reached: 'Delvist nået', not_reached: 'Ikke nået', dropped: 'Opgivet' };

const achievement: Record<GoalStatus, string | null> = { open: 'in-progress', reached: 'achieved', partly_reached: 'improving', not_reached: 'not-achieved', dropped: null };

/** A goal's status as FHIR's lifecycle and achievement, the Danish word kept as the text. */
export function goalStatusOf(status: GoalStatus): { lifecycleStatus: 'active' | 'completed' | 'cancelled'; achievementStatus?: CodeableConcept } {
  const lifecycleStatus = status === 'open' ? 'active' : status === 'dropped' ? 'cancelled' : 'completed';
  const code = achievement[status];
  return code ? { lifecycleStatus, achievementStatus: { coding: [{ system: system.goalAchievement, code }], text: goalStatusDa[status] } } : { lifecycleStatus };
}

export const coding = (s: string, code: string, display?: string): Coding => (display ? { system: s, code, display } : { system: s, code });
