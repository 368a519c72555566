import { obj, objects, str } from '../../platform/fhir/fhir-json.ts';
import type { Entry, MessageContext } from './medcom-message.rules.ts';
import { at, report } from './medcom-message.rules.ts';
import { isPatientIdentifierValue, patientIdentifierKind, patientIdentifierUse } from './medcom-identifiers.ts';

/**
 * MedComCorePatient (DK-core 3.4.0): a CPR number or a replacement CPR, each slice at most once
 * with DK-core's pattern and fixed `use`, and exactly one official name with a family name. The
 * value is never repeated in an issue: it may be a CPR number.
 */
export function checkPatient(ctx: MessageContext, patient: Entry): void {
  const identifiers = objects(patient.resource.identifier);
  const kinds = identifiers.map((i) => patientIdentifierKind(str(i.system)));
  if (!kinds.some((k) => k !== undefined)) {
    report(ctx, { key: 'slice:Patient.identifier', expression: at(patient, 'identifier.system'), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'borgeren skal have et CPR-nummer eller erstatnings-CPR (X-eCPR eller D-eCPR)', en: 'the patient has a CPR number or a replacement CPR (X-eCPR or D-eCPR)' });
  }
  identifiers.forEach((identifier, i) => {
    const kind = kinds[i];
    if (!kind) return;
    if (kinds.filter((k) => k === kind).length > 1 && kinds.indexOf(kind) !== i) {
      report(ctx, { key: `cardinality:Patient.identifier:${kind}`, expression: at(patient, `identifier[${i}]`), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: `højst én identifikator af typen ${kind}`, en: `at most one ${kind} identifier` });
    }
    const value = str(identifier.value);
    // The value is never repeated in the issue: it may be a CPR number.
    if (value === undefined || !isPatientIdentifierValue(kind, value)) {
      report(ctx, { key: kind, expression: at(patient, `identifier[${i}].value`), type: 'value', code: 'MSG_BAD_FORMAT', da: `identifikatoren (${kind}) har ikke DK-cores format`, en: `the ${kind} identifier does not have DK-core's format` });
    }
    if (identifier.use !== undefined && identifier.use !== patientIdentifierUse[kind]) {
      report(ctx, { key: `fixed:Patient.identifier:${kind}.use`, expression: at(patient, `identifier[${i}].use`), type: 'value', code: 'MSG_BAD_FORMAT', da: `use skal være ${patientIdentifierUse[kind]}`, en: `use must be ${patientIdentifierUse[kind]}` });
    }
  });
  const official = objects(patient.resource.name).filter((n) => n.use === 'official');
  if (official.length !== 1) report(ctx, { key: 'cardinality:Patient.name:official', expression: at(patient, 'name'), da: 'borgeren skal have præcis ét officielt navn', en: 'the patient has exactly one official name' });
  else if (str(official[0]?.family) === undefined && obj(official[0]?._family) === undefined) {
    report(ctx, { key: 'cardinality:Patient.name:official.family', expression: at(patient, `name[${objects(patient.resource.name).indexOf(official[0] ?? {})}].family`), da: 'borgerens efternavn mangler', en: "the patient's family name is missing" });
  }
}
