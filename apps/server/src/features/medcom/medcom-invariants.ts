import type { Invariant } from '../../platform/fhir/fhirpath.ts';
import { identifierSystem } from '@samkraft/contracts/identifiers';
import type { InvariantReport } from './medcom-issue.ts';
import { patientIdentifierPattern } from './medcom-identifiers.ts';
import { medcomProfile } from './medcom-terminology.ts';

/** A guide's FHIRPath invariant with the error code and Danish text its failure is acknowledged with. */
export type MedcomInvariant = Invariant & InvariantReport;

/** MedComMessagingMessage (every MedCom message). */
export const messagingInvariants: readonly MedcomInvariant[] = [
  {
    key: 'medcom-messaging-1',
    expression: `entry[0].resource.conformsTo('${medcomProfile.messagingMessageHeader}')`,
    human: 'The first entry shall be a MedComMessagingMessageHeader',
    severity: 'error',
    code: 'MSG_RESOURCE_TYPE_MISMATCH',
    type: 'invariant',
    da: 'beskedens første ressource skal være en MedCom MessageHeader',
  },
  {
    key: 'medcom-messaging-2',
    expression: 'entry.resource.ofType(Provenance).exists()',
    human: 'There shall be at least one Provenance resource in a MedCom message',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'required',
    da: 'beskeden skal have mindst én Provenance',
  },
];

/** DK-core GLN check digit as DK-core 3.4.0 writes it (on Identifier.value). */
const GLN_MODULUS_10 =
  '(((10-((substring(0,1).toInteger()*1)+(substring(1,1).toInteger()*3)+(substring(2,1).toInteger()*1)+(substring(3,1).toInteger()*3)+(substring(4,1).toInteger()*1)+(substring(5,1).toInteger()*3)+(substring(6,1).toInteger()*1)+(substring(7,1).toInteger()*3)+(substring(8,1).toInteger()*1)+(substring(9,1).toInteger()*3)+(substring(10,1).toInteger()*1)+(substring(11,1).toInteger()*3))mod(10))mod(10))=substring(12,1).toInteger())';

const GLN_VALUES = "Bundle.entry.resource.ofType(Organization).identifier.where(system = 'https://www.gs1.org/gln' or system = 'http://www.gs1.org/gln').value";

/** DK-core 3.4.0 Organization identifiers (MedComMessagingOrganization of every MedCom message). */
export const organisationInvariants: readonly MedcomInvariant[] = [
  {
    key: 'min-digits-sor',
    context: `Bundle.entry.resource.ofType(Organization).identifier.where(system = '${identifierSystem.sor}').value`,
    expression: "matches('^([0-9]){11,}$')",
    human: 'SOR identifiers must be at least 11 digits',
    severity: 'error',
    code: 'MSG_BAD_FORMAT',
    type: 'value',
    da: 'SOR-id skal have mindst 11 cifre',
  },
  { key: 'gln-length', context: GLN_VALUES, expression: "matches('^[0-9]{13}$')", human: 'GLN must be exactly 13 characters long', severity: 'error', code: 'MSG_BAD_FORMAT', type: 'value', da: 'GLN skal have 13 cifre' },
  {
    key: 'gln-modulus-10',
    context: GLN_VALUES,
    expression: GLN_MODULUS_10,
    human: 'GLN must pass the modulus 10 check',
    severity: 'error',
    code: 'MSG_BAD_FORMAT',
    type: 'value',
    da: 'GLN har forkert kontrolciffer',
    // A value that is not 13 digits gives no answer here; gln-length and the code check report it.
    handChecked: true,
  },
  {
    key: 'dk-core-organization-mandatory-identifier',
    context: 'Bundle.entry.resource.ofType(Organization)',
    expression: "identifier.where(system='urn:oid:1.2.208.176.1.1' or system='https://kombit.dk/sts/organisation' or system='urn:oid:2.16.840.1.113883.2.24.1.1').exists()",
    human: 'An organization shall have a SOR, KOMBIT or other mandatory identifier',
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'required',
    da: 'organisationen skal have et SOR-id',
  },
];

/** A DK-core patient identifier pattern, on the value of the identifiers `where` selects. */
export const dkCoreIdentifier = (key: string, where: string, pattern: string, da: string): MedcomInvariant => ({
  key,
  context: `Bundle.entry.resource.ofType(Patient).identifier.where(${where}).value`,
  expression: `matches('${pattern}')`,
  human: `The ${key} identifier must have the DK-core format`,
  severity: 'error',
  code: 'MSG_BAD_FORMAT',
  type: 'value',
  da,
});

/** DK-core 3.4.0 patient identifiers (MedComCorePatient): CPR, X-eCPR and D-eCPR patterns. */
export const patientIdentifierInvariants: readonly MedcomInvariant[] = [
  dkCoreIdentifier('cpr', `system = '${identifierSystem.cpr}'`, patientIdentifierPattern.cpr, 'CPR-nummeret har ikke DK-cores format'),
  dkCoreIdentifier('x-ecpr', `system = '${identifierSystem.xEcpr}'`, patientIdentifierPattern['x-ecpr'], 'erstatnings-CPR (X-eCPR) har ikke DK-cores format'),
  // The national D-eCPR OID and its regional ones below it.
  dkCoreIdentifier('d-ecpr', "system.startsWith('urn:oid:1.2.208.176.1.6.1.3')", patientIdentifierPattern['d-ecpr'], 'erstatnings-CPR (D-eCPR) har ikke DK-cores format'),
];
