import type { MedcomInvariant } from './medcom-invariants.ts';
import { messagingInvariants, organisationInvariants, patientIdentifierInvariants } from './medcom-invariants.ts';
import { careCommunicationDefinitionPattern, medcomExtension, medcomProfile } from './medcom-terminology.ts';

/*
 * The FHIRPath invariants of a CareCommunication message as the guides write them (CareCommunication
 * 5.0.4, MedCom messaging and core, DK-core 3.4.0), each with the error code and Danish text its
 * failure is acknowledged with. Expressions are verbatim; `context` is where the guide attaches
 * them. resolve() and conformsTo() work inside the Bundle (platform/fhir/fhirpath.ts).
 */

const COMMUNICATION = 'Bundle.entry.resource.ofType(Communication)';
const HEADER = 'Bundle.entry.resource.ofType(MessageHeader)';

export const careCommunicationInvariants: readonly MedcomInvariant[] = [
  ...messagingInvariants,
  // MedComCareCommunicationMessage
  {
    key: 'medcom-careCommunication-1',
    expression: `entry[0].resource.ofType(MessageHeader).meta.profile.startsWith('${medcomProfile.careCommunicationMessageHeader}')`,
    human: 'The MessageHeader shall be the medcom-careCommunication-messageHeader',
    severity: 'error',
    code: 'MSG_RESOURCE_TYPE_MISMATCH',
    type: 'invariant',
    da: 'MessageHeader skal angive profilen medcom-careCommunication-messageHeader',
  },
  {
    key: 'medcom-careCommunication-2',
    expression: 'entry.where(resource.is(Patient)).count() = 1',
    human: 'Entry shall contain exactly one Patient resource',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: 'beskeden skal have præcis én Patient',
  },
  {
    key: 'medcom-careCommunication-3',
    expression: `entry.resource.ofType(Provenance).all(meta.profile.startsWith('${medcomProfile.careCommunicationProvenance}'))`,
    human: 'All Provenance resources shall be of the type medcom-careCommunication-provenance profile',
    severity: 'error',
    code: 'MSG_RESOURCE_TYPE_MISMATCH',
    type: 'invariant',
    da: 'alle Provenance skal angive profilen medcom-careCommunication-provenance',
  },
  {
    key: 'medcom-careCommunication-4',
    expression: 'entry.resource.ofType(Practitioner).name.exists()',
    human: 'There shall exist a practitioner given and family name when using a PractitionerRole.',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'required',
    da: 'en Practitioner skal have et navn',
  },
  {
    key: 'medcom-careCommunication-11',
    expression: `Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.exists().not()`,
    human: 'If a specific sender is present, the CareTeam or PractitionerRole shall belong to the organisation in MessageHeader.sender',
    severity: 'error',
    code: 'MSG_RESOURCE_ID_MISMATCH',
    type: 'invariant',
    da: 'den specifikke afsender skal høre til afsenderorganisationen i MessageHeader.sender',
  },
  {
    key: 'medcom-careCommunication-12',
    expression: `Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.exists().not()`,
    human: 'If a specific recipient is present, the CareTeam or PractitionerRole shall belong to the organisation in MessageHeader.destination.receiver',
    severity: 'error',
    code: 'MSG_RESOURCE_ID_MISMATCH',
    type: 'invariant',
    da: 'den specifikke modtager skal høre til modtagerorganisationen i MessageHeader.destination.receiver',
  },
  {
    key: 'medcom-careCommunication-13',
    expression: 'Bundle.entry.resource.ofType(PractitionerRole).practitioner.reference.exists()',
    human: 'All PractitionerRole resources shall have a reference to an instance of a Practitioner resource.',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'required',
    da: 'en PractitionerRole skal henvise til en Practitioner',
  },
  {
    key: 'medcom-careCommunication-15',
    expression:
      'iif(Bundle.entry.resource.ofType(Encounter).exists(), Bundle.entry.resource.ofType(Encounter).id = Bundle.entry.resource.ofType(Communication).encounter.reference.resolve().id, Bundle.entry.resource.ofType(Communication).encounter.exists().not())',
    human: 'If an Encounter is present in the Bundle, Communication.encounter shall reference it; otherwise Communication.encounter shall be absent',
    severity: 'error',
    code: 'MSG_LOCAL_FAIL',
    type: 'invariant',
    da: 'en Encounter i beskeden skal være den Communication.encounter henviser til, og uden Encounter ingen Communication.encounter',
  },
  // MedComCareCommunicationMessageHeader
  {
    key: 'medcom-carecommunication-definition-url',
    context: HEADER,
    expression: `definition.matches('${careCommunicationDefinitionPattern}')`,
    human: 'The definition shall be the CareCommunication MessageDefinition, version 5.x',
    severity: 'error',
    code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
    type: 'not-supported',
    da: 'MessageHeader.definition skal være korrespondancemeddelelsens MessageDefinition, version 5.x',
  },
  // MedComCareCommunication (Communication)
  {
    key: 'medcom-careCommunication-5',
    context: COMMUNICATION,
    expression: "where(category.coding.code != 'regarding-referral').priority.empty()",
    human: "Priority must not be present when Communication.category is other than 'regarding-referral'",
    severity: 'error',
    code: 'MSG_BAD_FORMAT',
    type: 'invariant',
    da: "prioritet må kun angives når kategorien er 'regarding-referral' (vedr. henvisning)",
  },
  {
    key: 'medcom-careCommunication-6',
    context: COMMUNICATION,
    expression: "iif(category.coding.code != 'other', true, category.coding.code = 'other' and topic.exists())",
    human: "There shall exist a Communication.topic when Communication.category = 'other'",
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: "der skal være et emne (topic) når kategorien er 'other' (andet)",
  },
  {
    key: 'medcom-careCommunication-7',
    context: COMMUNICATION,
    expression: `payload.extension('${medcomExtension.practitioner}').value.resolve().all(code.coding.code.exists() xor code.text.exists())`,
    human: 'There shall exist a practitioner role when using a PractitionerRole as author in a message segment.',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: 'forfatterens PractitionerRole skal have en rolle (kode eller tekst, ikke begge)',
  },
  {
    key: 'medcom-careCommunication-8',
    context: COMMUNICATION,
    expression: `payload.where(extension('${medcomExtension.practitioner}').exists()).extension.value.reference.resolve().practitioner.resolve().name.exists()`,
    human: 'There shall exist a practitioner name when using a Practitioner as author in a message segment.',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: 'forfatteren af et tekstafsnit skal have et navn',
  },
  {
    key: 'medcom-careCommunication-9',
    context: COMMUNICATION,
    expression: 'iif(encounter.exists().not(), true, encounter.reference.resolve().episodeOfCare.identifier.exists())',
    human: 'An episodeOfCare-identifier must be included when an Encounter instance is included.',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: 'en Encounter skal have en episodeOfCare-identifikator',
  },
  {
    key: 'medcom-uuidv4',
    context: `${COMMUNICATION}.identifier`,
    expression: "value.matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')",
    human: 'The value shall correspond to the structure of an UUID version 4',
    severity: 'error',
    code: 'MSG_BAD_FORMAT',
    type: 'value',
    da: 'kommunikations-id skal være et urn:uuid (UUID version 4, små bogstaver)',
  },
  {
    key: 'medcom-core-contact',
    context: `${COMMUNICATION}.payload.extension('${medcomExtension.contact}').value.value`,
    expression: "matches('[+]?[-0-9]')",
    human: 'The contact value shall be a phone number',
    severity: 'error',
    code: 'MSG_BAD_FORMAT',
    type: 'value',
    da: 'forfatterens kontakt skal være et telefonnummer',
  },
  ...patientIdentifierInvariants,
  ...organisationInvariants,
];
