import type { HospitalEncounterClass, HospitalEncounterStatus } from '@samkraft/contracts/hospital-notifications';
import type { ProfileParents } from '../../platform/fhir/fhirpath.ts';

/*
 * The canonical URLs and codes of the MedCom guides Samkraft speaks: CareCommunication 5.0.x
 * (dk-core 3.4.0, MedCom core 3.0.1, messaging 4.0.x, terminology 2.0.1) and Acknowledgement 2.0.3.
 */

const MEDCOM = 'http://medcomfhir.dk/ig';

export const medcomProfile = {
  messagingMessage: `${MEDCOM}/messaging/StructureDefinition/medcom-messaging-message`,
  messagingMessageHeader: `${MEDCOM}/messaging/StructureDefinition/medcom-messaging-messageHeader`,
  messagingProvenance: `${MEDCOM}/messaging/StructureDefinition/medcom-messaging-provenance`,
  messagingOrganization: `${MEDCOM}/messaging/StructureDefinition/medcom-messaging-organization`,
  careCommunicationMessage: `${MEDCOM}/carecommunication/StructureDefinition/medcom-careCommunication-message`,
  careCommunicationMessageHeader: `${MEDCOM}/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader`,
  careCommunicationCommunication: `${MEDCOM}/carecommunication/StructureDefinition/medcom-careCommunication-communication`,
  careCommunicationProvenance: `${MEDCOM}/carecommunication/StructureDefinition/medcom-careCommunication-provenance`,
  hospitalNotificationMessage: `${MEDCOM}/hospitalnotification/StructureDefinition/medcom-hospitalNotification-message`,
  hospitalNotificationMessageHeader: `${MEDCOM}/hospitalnotification/StructureDefinition/medcom-hospitalNotification-messageHeader`,
  hospitalNotificationEncounter: `${MEDCOM}/hospitalnotification/StructureDefinition/medcom-hospitalNotification-encounter`,
  acknowledgementMessage: `${MEDCOM}/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement`,
  acknowledgementHeader: `${MEDCOM}/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader`,
  acknowledgementOperationOutcome: `${MEDCOM}/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome`,
  corePatient: `${MEDCOM}/core/StructureDefinition/medcom-core-patient`,
  coreOrganization: `${MEDCOM}/core/StructureDefinition/medcom-core-organization`,
  corePractitioner: `${MEDCOM}/core/StructureDefinition/medcom-core-practitioner`,
  corePractitionerRole: `${MEDCOM}/core/StructureDefinition/medcom-core-practitionerrole`,
  coreCareTeam: `${MEDCOM}/core/StructureDefinition/medcom-core-careteam`,
  coreEncounter: `${MEDCOM}/core/StructureDefinition/medcom-core-encounter`,
  dkCorePatient: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient',
  dkCoreOrganization: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-organization',
  dkCorePractitioner: 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-practitioner',
} as const;

/** Which MedCom profile derives from which (for conformsTo()). */
export const medcomProfileParents: ProfileParents = {
  [medcomProfile.careCommunicationMessage]: medcomProfile.messagingMessage,
  [medcomProfile.acknowledgementMessage]: medcomProfile.messagingMessage,
  [medcomProfile.hospitalNotificationMessage]: medcomProfile.messagingMessage,
  [medcomProfile.hospitalNotificationMessageHeader]: medcomProfile.messagingMessageHeader,
  [medcomProfile.hospitalNotificationEncounter]: medcomProfile.coreEncounter,
  [medcomProfile.careCommunicationMessageHeader]: medcomProfile.messagingMessageHeader,
  [medcomProfile.acknowledgementHeader]: medcomProfile.messagingMessageHeader,
  [medcomProfile.careCommunicationProvenance]: medcomProfile.messagingProvenance,
  [medcomProfile.messagingOrganization]: medcomProfile.coreOrganization,
  [medcomProfile.coreOrganization]: medcomProfile.dkCoreOrganization,
  [medcomProfile.corePatient]: medcomProfile.dkCorePatient,
  [medcomProfile.corePractitioner]: medcomProfile.dkCorePractitioner,
};

export const medcomSystem = {
  eventCodes: `${MEDCOM}/terminology/CodeSystem/medcom-messaging-eventCodes`,
  destinationUse: `${MEDCOM}/terminology/CodeSystem/medcom-messaging-destinationUse`,
  activityCodes: `${MEDCOM}/terminology/CodeSystem/medcom-messaging-activityCodes`,
  categoryCodes: `${MEDCOM}/terminology/CodeSystem/medcom-careCommunication-categoryCodes`,
  practitionerRoles: `${MEDCOM}/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ`,
  acknowledgementErrorCodes: `${MEDCOM}/terminology/CodeSystem/medcom-acknowledgement-error-codes`,
  /** Retired in terminology 1.4.0 (October 2023); the 2023 test acknowledgements still use it. Accepted on input, never written. */
  retiredIssueDetails: `${MEDCOM}/terminology/CodeSystem/medcom-acknowledgement-issue-details`,
  hl7OperationOutcome: 'http://terminology.hl7.org/CodeSystem/operation-outcome',
  requestPriority: 'http://hl7.org/fhir/request-priority',
  encounterClass: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
} as const;

export const medcomExtension = {
  destinationUse: `${MEDCOM}/messaging/StructureDefinition/medcom-messaging-destinationUseExtension`,
  sender: `${MEDCOM}/core/StructureDefinition/medcom-core-sender-extension`,
  dateTime: `${MEDCOM}/core/StructureDefinition/medcom-core-datetime-extension`,
  identifier: `${MEDCOM}/core/StructureDefinition/medcom-core-identifier-extension`,
  practitioner: `${MEDCOM}/core/StructureDefinition/medcom-core-practitioner-extension`,
  contact: `${MEDCOM}/core/StructureDefinition/medcom-core-contact-extension`,
  /** HospitalNotification 3.0.2: the leave of absence on the Encounter, and the admission report's request on the MessageHeader. */
  leavePeriod: `${MEDCOM}/hospitalnotification/StructureDefinition/medcom-hospitalnotifiation-leave-period-extension`,
  reportOfAdmission: `${MEDCOM}/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionExtension`,
  reportOfAdmissionRecipient: `${MEDCOM}/hospitalnotification/StructureDefinition/medcom-messaging-reportOfAdmissionRecipientExtension`,
} as const;

export const messageEvent = {
  careCommunication: 'care-communication-message',
  acknowledgement: 'acknowledgement-message',
  hospitalNotification: 'hospital-notification-message',
  empty: 'empty-message',
} as const;

/** The CareCommunication MessageDefinition this builder writes, and the pattern a reader accepts (invariant medcom-carecommunication-definition-url). */
export const careCommunicationDefinition = 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0';
export const careCommunicationDefinitionPattern =
  '^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition[|]5[.][0-9]{1,2}$';

export const careCommunicationActivities = ['new-message', 'reply-message', 'forward-message'] as const;
export type CareCommunicationActivity = (typeof careCommunicationActivities)[number];

/**
 * HospitalNotification 3.0.2's activities (terminology 2.0.1, ValueSet
 * medcom-hospitalNotification-messageActivities) with the Encounter class and status each requires
 * (MedCom's "Overview of HospitalNotification codes and HL7 FHIR resources", Table 1). A death
 * (MORS) keeps the current activity and sets Patient.deceased; its cancellation restores the status.
 */
export const hospitalNotificationActivities = {
  'admit-emergency': { class: 'EMER', status: 'in-progress', useCase: 'STAA' },
  'revise-admit-emergency': { class: 'EMER', status: 'in-progress', useCase: 'RE_STAA' },
  'cancel-admit-emergency': { class: 'EMER', status: 'entered-in-error', useCase: 'AN_STAA' },
  'admit-inpatient': { class: 'IMP', status: 'in-progress', useCase: 'STIN' },
  'revise-admit-inpatient': { class: 'IMP', status: 'in-progress', useCase: 'RE_STIN' },
  'cancel-admit-inpatient': { class: 'IMP', status: 'entered-in-error', useCase: 'AN_STIN' },
  'start-leave-inpatient': { class: 'IMP', status: 'onleave', useCase: 'STOR' },
  'revise-start-leave-inpatient': { class: 'IMP', status: 'onleave', useCase: 'RE_STOR' },
  'cancel-start-leave-inpatient': { class: 'IMP', status: 'in-progress', useCase: 'AN_STOR' },
  'end-leave-inpatient': { class: 'IMP', status: 'in-progress', useCase: 'SLOR' },
  'revise-end-leave-inpatient': { class: 'IMP', status: 'in-progress', useCase: 'RE_SLOR' },
  'cancel-end-leave-inpatient': { class: 'IMP', status: 'onleave', useCase: 'AN_SLOR' },
  'discharge-emergency-home': { class: 'EMER', status: 'finished', useCase: 'SLHJ' },
  'discharge-inpatient-home': { class: 'IMP', status: 'finished', useCase: 'SLHJ' },
  'revise-discharge-emergency-home': { class: 'EMER', status: 'finished', useCase: 'RE_SLHJ' },
  'revise-discharge-inpatient-home': { class: 'IMP', status: 'finished', useCase: 'RE_SLHJ' },
  'cancel-discharge-emergency-home': { class: 'EMER', status: 'in-progress', useCase: 'AN_SLHJ' },
  'cancel-discharge-inpatient-home': { class: 'IMP', status: 'in-progress', useCase: 'AN_SLHJ' },
} as const satisfies Record<string, { class: HospitalEncounterClass; status: HospitalEncounterStatus; useCase: string }>;
export type HospitalNotificationActivity = keyof typeof hospitalNotificationActivities;
export const hospitalNotificationActivityCodes = Object.keys(hospitalNotificationActivities) as HospitalNotificationActivity[];

/** ValueSets medcom-hospitalNotification-encounterStatus and -encounterClass (terminology 2.0.1). */
export { hospitalEncounterClasses, hospitalEncounterStatuses, type HospitalEncounterClass, type HospitalEncounterStatus } from '@samkraft/contracts/hospital-notifications';

/** The HospitalNotification MessageDefinition (HospitalNotification 3.0.2 writes none into its examples; accepted when present). */
export const hospitalNotificationDefinitionPattern = '^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComHospitalNotificationMessageDefinition[|][0-9]+([.][0-9]+){0,2}$';

export const responseCodes = ['ok', 'transient-error', 'fatal-error'] as const;
export type ResponseCode = (typeof responseCodes)[number];

/** Attachment MIME types of MedCom core (ValueSet medcom-core-attachmentMimeTypes). */
export const attachmentMimeTypes = ['application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'image/tiff', 'image/bmp'] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];

export const communicationPriorities = ['routine', 'asap'] as const;
export type CommunicationPriority = (typeof communicationPriorities)[number];

/** MedCom's error codes (CodeSystem medcom-acknowledgement-error-codes 1.8.1), written as MedCom writes them. */
export const medcomErrorCodes = [
  'MSG_Receiver_Identifier_UNKNOWN',
  'MSG_Receiver_Identifier_MISSING',
  'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
  'MSG_VALUESET_VALUE_UNKNOWN',
  'MSG_CodeSystem_VALUE_UNKNOWN',
  'MSG_Element_To_Long',
  'MSG_Datatype_Wrong',
  'MSG_Mailbox_Out_Of_Operation',
  'MSG_Damaged_durin_transport',
] as const;

/** HL7's operation-outcome codes in MedCom's issue-details ValueSet. */
export const hl7MessageErrorCodes = [
  'MSG_ID_INVALID',
  'MSG_ID_TOO_LONG',
  'MSG_BAD_FORMAT',
  'MSG_BAD_SYNTAX',
  'MSG_DATE_FORMAT',
  'MSG_DUPLICATE_ID',
  'MSG_INVALID_ID',
  'MSG_JSON_OBJECT',
  'MSG_LOCAL_FAIL',
  'MSG_NO_MATCH',
  'MSG_NO_EXIST',
  'MSG_NO_SUMMARY',
  'MSG_PARAM_INVALID',
  'MSG_PARAM_NO_REPEAT',
  'MSG_PARAM_UNKNOWN',
  'MSG_RESOURCE_ID_MISMATCH',
  'MSG_RESOURCE_ID_FAIL',
  'MSG_RESOURCE_ID_MISSING',
  'MSG_RESOURCE_NOT_ALLOWED',
  'MSG_RESOURCE_REQUIRED',
  'MSG_RESOURCE_TYPE_MISMATCH',
  'MSG_TRANSACTION_DUPLICATE_ID',
  'MSG_TRANSACTION_MISSING_ID',
  'MSG_UNKNOWN_TYPE',
  'MSG_VERSION_AWARE',
  'MSG_VERSION_AWARE_CONFLICT',
  'MSG_VERSION_AWARE_URL',
  'MSG_WRONG_NS',
] as const;

export type MedcomErrorCode = (typeof medcomErrorCodes)[number];
export type Hl7MessageErrorCode = (typeof hl7MessageErrorCodes)[number];
/** A code of OperationOutcome.issue.details.coding in a MedCom Acknowledgement. */
export type IssueDetailsCode = MedcomErrorCode | Hl7MessageErrorCode;

/** The code system an issue-details code belongs to. */
export function issueDetailsSystem(code: IssueDetailsCode): string {
  return (medcomErrorCodes as readonly string[]).includes(code) ? medcomSystem.acknowledgementErrorCodes : medcomSystem.hl7OperationOutcome;
}

/** Is `code` in MedCom's issue-details ValueSet (MedCom codes compared case-insensitively, as their CodeSystem says)? */
export function isIssueDetailsCode(system: string | undefined, code: string | undefined): boolean {
  if (code === undefined) return false;
  if (system === medcomSystem.acknowledgementErrorCodes) return medcomErrorCodes.some((c) => c.toLowerCase() === code.toLowerCase());
  if (system === medcomSystem.hl7OperationOutcome) return (hl7MessageErrorCodes as readonly string[]).includes(code);
  return false;
}

/** A SOR id's address in the SOR registry, as MessageHeader endpoints write it. */
export const sorEndpoint = (sor: string) => `https://sor2.sum.dsdn.dk/#id=${sor}`;

/** The SOR id in a SOR endpoint URL. */
export const sorOfEndpoint = (endpoint: string | undefined): string | undefined => (endpoint ? /#id=([0-9]+)$/.exec(endpoint)?.[1] : undefined);
