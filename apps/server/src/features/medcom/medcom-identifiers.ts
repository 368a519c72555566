import { checkGln, checkSor, dEcprSystems, identifierSystem, isGlnSystem } from '@samkraft/contracts/identifiers';

/*
 * The identifiers of a MedCom Patient and Organization (DK-core 3.4.0): the CPR slices with their
 * DK-core patterns, and SOR + GLN through the contracts' value objects (GLN in both spellings).
 */

export type PatientIdentifierKind = 'cpr' | 'x-ecpr' | 'd-ecpr';

const DAY_MONTH = '(((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))';

/** DK-core's invariant patterns (refdata/fhir/dk-core-codes/dk_core_identifier_systems.json). */
export const patientIdentifierPattern: Record<PatientIdentifierKind, string> = {
  cpr: `^(${DAY_MONTH}[0-9]{6})$`,
  'x-ecpr': `^(${DAY_MONTH}([0-9]{2})((1|7){1})([A-Z]{2})([0-9]{1}))$`,
  'd-ecpr': `^(${DAY_MONTH}([0-9]{2})((0|5|6){1})([A-Z]{2})([0-9]{1}))$`,
};

/** The `use` DK-core fixes for each slice (when present). */
export const patientIdentifierUse: Record<PatientIdentifierKind, 'official' | 'temp'> = { cpr: 'official', 'x-ecpr': 'temp', 'd-ecpr': 'temp' };

export function patientIdentifierKind(system: string | undefined): PatientIdentifierKind | undefined {
  if (system === identifierSystem.cpr) return 'cpr';
  if (system === identifierSystem.xEcpr) return 'x-ecpr';
  if (system !== undefined && (dEcprSystems as readonly string[]).includes(system)) return 'd-ecpr';
  return undefined;
}

/** The system a builder writes for a kind (a D-eCPR's regional OID is the caller's, else the national one). */
export function patientIdentifierSystem(kind: PatientIdentifierKind, dEcprSystem?: string): string {
  if (kind === 'cpr') return identifierSystem.cpr;
  if (kind === 'x-ecpr') return identifierSystem.xEcpr;
  return dEcprSystem ?? dEcprSystems[0];
}

export const isPatientIdentifierValue = (kind: PatientIdentifierKind, value: string) => new RegExp(patientIdentifierPattern[kind]).test(value);

/** Which organisation identifier rule a value breaks, as DK-core's invariant key, or undefined when it is fine. */
export function organisationIdentifierProblem(system: string | undefined, value: string): 'min-digits-sor' | 'gln-length' | 'gln-modulus-10' | undefined {
  if (system === identifierSystem.sor) return checkSor(value).ok && value.trim() === value ? undefined : 'min-digits-sor';
  if (isGlnSystem(system)) {
    const check = checkGln(value);
    if (check.ok && value.trim() === value) return undefined;
    return !check.ok && check.code === 'check_digit' ? 'gln-modulus-10' : 'gln-length';
  }
  return undefined;
}
