import type { MedcomInvariant } from './medcom-invariants.ts';
import { messagingInvariants, organisationInvariants, patientIdentifierInvariants } from './medcom-invariants.ts';
import { hospitalNotificationActivityCodes, medcomProfile, medcomSystem } from './medcom-terminology.ts';

/*
 * The FHIRPath invariants of a HospitalNotification message (HospitalNotification 3.0.2,
 * input/fsh/MedComHospitalNotificationMessage.fsh and MedComHospitalNotificationEncounter.fsh;
 * MedCom messaging; DK-core), each with the error code and Danish text its failure is acknowledged
 * with. medcom-hospitalNotification-2, -4, -5 and -6 are verbatim. -1 and -3 as published apply
 * ofType() to the Bundle's entries rather than their resources — so they select nothing and always
 * hold — and name canonical URLs that do not exist (`…/fhir/hospitalnotification/…`,
 * `…/fhir/dk-medcom-terminology/…`); they are written here as the guide's text says they mean,
 * with -3's ValueSet (medcom-hospitalNotification-messageActivities, terminology 2.0.1) as its codes.
 */

const codes = hospitalNotificationActivityCodes.map((c) => `'${c}'`).join(' | ');

export const hospitalNotificationInvariants: readonly MedcomInvariant[] = [
  ...messagingInvariants,
  {
    key: 'medcom-hospitalNotification-1',
    expression: `entry.resource.ofType(MessageHeader).all(conformsTo('${medcomProfile.hospitalNotificationMessageHeader}'))`,
    human: 'The message header shall conform to medcom-hospitalNotification-messageHeader profile',
    severity: 'error',
    code: 'MSG_RESOURCE_TYPE_MISMATCH',
    type: 'invariant',
    da: 'MessageHeader skal angive profilen medcom-hospitalNotification-messageHeader',
  },
  {
    key: 'medcom-hospitalNotification-2',
    expression: 'entry.where(resource.is(Patient)).count() = 1',
    human: 'Entry shall contain exactly one patient resource',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: 'advisen skal have præcis én Patient',
  },
  {
    key: 'medcom-hospitalNotification-3',
    expression: `entry.resource.ofType(Provenance).all(activity.coding.exists() and activity.coding.all(system = '${medcomSystem.activityCodes}' and (code in (${codes}))))`,
    human: 'All provenance resources shall contain activities from medcom-hospitalNotification-messageActivities valueset',
    severity: 'error',
    code: 'MSG_VALUESET_VALUE_UNKNOWN',
    type: 'code-invalid',
    da: 'alle Provenance skal have en aktivitet fra værdisættet medcom-hospitalNotification-messageActivities',
  },
  {
    key: 'medcom-hospitalNotification-4',
    expression: "entry.resource.ofType(Patient).identifier.system = 'urn:oid:1.2.208.176.1.2'",
    human: "The system of Patient.identifier shall be 'urn:oid:1.2.208.176.1.2', which represents an official Danish CPR-number",
    severity: 'error',
    code: 'MSG_VALUESET_VALUE_UNKNOWN',
    type: 'invariant',
    da: 'borgeren skal være angivet ved sit CPR-nummer (advis om sygehusophold sendes kun for borgere med CPR-nummer)',
  },
  {
    key: 'medcom-hospitalNotification-5',
    expression: "Bundle.entry.resource.ofType(MessageHeader).destination.extension.value.code = 'primary'",
    human: 'The receiver of a HospitalNotification shall always be a primary receiver.',
    severity: 'error',
    code: 'MSG_RESOURCE_NOT_ALLOWED',
    type: 'invariant',
    da: 'modtageren af en advis om sygehusophold skal være primær modtager',
  },
  {
    key: 'medcom-hospitalNotification-6',
    context: 'Bundle.entry.resource.ofType(Encounter)',
    expression: "where(status = 'onleave').extension.value.start.exists() or status != 'onleave'",
    human: "When the status = 'onleave', the timestamp for beginning of a leave (extension.valuePeriod.start) shall be present.",
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: 'ved status onleave skal orlovens starttidspunkt være angivet',
  },
  ...patientIdentifierInvariants,
  ...organisationInvariants,
];
