import { runInvariants } from '../../platform/fhir/fhirpath.ts';
import { validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import type { MedcomIssue } from './medcom-issue.ts';
import { fromFhirIssue, fromInvariantFailure, isError, uniqueIssues } from './medcom-issue.ts';
import type { MedcomInvariant } from './medcom-invariants.ts';
import { careCommunicationInvariants } from './carecommunication-invariants.ts';
import { checkCareCommunicationProfile } from './carecommunication-profile.rules.ts';
import { acknowledgementInvariants, checkAcknowledgementProfile } from './acknowledgement-profile.rules.ts';
import { hospitalNotificationInvariants } from './hospitalnotification-invariants.ts';
import { checkHospitalNotificationProfile } from './hospitalnotification-profile.rules.ts';
import { medcomProfileParents } from './medcom-terminology.ts';

/*
 * A MedCom message checked in full: its profile's hand-written rules, its FHIRPath invariants, and
 * base FHIR R4 by two validators. The profile's issues come first (they carry the most specific
 * MedCom code), then the invariants', then base R4's.
 */

export type MedcomValidation = { valid: boolean; issues: MedcomIssue[] };

export type ValidationOptions = {
  /** Run the two base R4 validators too (default). Off when the caller has just run them. */
  baseR4?: boolean;
};

/** The invariants' failures as MedCom issues. */
export async function checkInvariants(message: unknown, invariants: readonly MedcomInvariant[]): Promise<MedcomIssue[]> {
  const failures = await runInvariants(message, invariants, { profileParents: medcomProfileParents });
  const byKey = new Map(invariants.map((i) => [i.key, i]));
  return failures.map((failure) => fromInvariantFailure(failure, byKey.get(failure.key)));
}

async function validate(message: unknown, profile: MedcomIssue[], invariants: readonly MedcomInvariant[], options: ValidationOptions): Promise<MedcomValidation> {
  const [invariantIssues, base] = await Promise.all([checkInvariants(message, invariants), options.baseR4 === false ? [] : validateBaseR4(message)]);
  const issues = uniqueIssues([...profile, ...invariantIssues, ...base.map(fromFhirIssue)]);
  return { valid: !issues.some(isError), issues };
}

/** A CareCommunication v5 message against its profile, invariants and base R4. */
export async function validateCareCommunication(message: unknown, options: ValidationOptions = {}): Promise<MedcomValidation> {
  return validate(message, checkCareCommunicationProfile(message), careCommunicationInvariants, options);
}

/** An Acknowledgement against its profile (medcom-acknowledgement-1/2 and the messaging rules) and base R4. */
export async function validateAcknowledgement(message: unknown, options: ValidationOptions = {}): Promise<MedcomValidation> {
  return validate(message, checkAcknowledgementProfile(message), acknowledgementInvariants, options);
}

/** A HospitalNotification 3.0.2 message against its profile, invariants and base R4. */
export async function validateHospitalNotification(message: unknown, options: ValidationOptions = {}): Promise<MedcomValidation> {
  return validate(message, checkHospitalNotificationProfile(message), hospitalNotificationInvariants, options);
}
