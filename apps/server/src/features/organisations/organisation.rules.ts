import { checkCvr, checkGln, checkMunicipalityCode, checkSor, identifierSystem, isGlnSystem } from '@samkraft/contracts/identifiers';
import type { OrganisationKind } from '@samkraft/contracts/organisations';
import type { FieldIssue } from '../../platform/errors.ts';

/** An organisation's fields after the request schema: every field given, absent ones null. */
export type OrganisationInput = {
  kind: OrganisationKind;
  name: string;
  parentId: string | null;
  sorCode: string | null;
  gln: string | null;
  cvr: string | null;
  ydernummer: string | null;
  municipalityCode: string | null;
  address: string | null;
  phone: string | null;
};

/** What the check needs from the database. */
export type OrganisationFacts = {
  /** The kind of the chosen parent (undefined: none chosen, or it does not exist / is inactive). */
  parentKind: OrganisationKind | undefined;
  /** Whether the municipality code is a known municipality (true when none is given). */
  municipalityKnown: boolean;
  /** Other organisations that already carry the SOR code, GLN or ydernummer. */
  holders: { name: string; sorCode: string | null; gln: string | null; ydernummer: string | null }[];
  /** Updating: the organisation as stored (its kind, whether it has departments); null when creating. */
  before: { kind: OrganisationKind; hasDepartments: boolean } | null;
  /** Updating: the organisation's own id, which cannot be its own parent. */
  selfId: string | null;
};

/**
 * The value objects' checks (contracts/identifiers.ts) with the field each names. The request
 * schema has already checked the shapes; these run again so a caller that is not a request (the
 * messaging module, the demo) cannot store a GLN whose GS1 check digit is wrong.
 */
export function checkIdentifiers(input: Pick<OrganisationInput, 'sorCode' | 'gln' | 'cvr' | 'municipalityCode'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.sorCode !== null) {
    const c = checkSor(input.sorCode);
    if (!c.ok) issues.push({ field: 'sorCode', code: 'sor_format', message: c.message });
  }
  if (input.gln !== null) {
    const c = checkGln(input.gln);
    if (!c.ok) issues.push({ field: 'gln', code: c.code === 'format' ? 'gln_format' : 'gln_check_digit', message: c.message });
  }
  if (input.cvr !== null) {
    const c = checkCvr(input.cvr);
    if (!c.ok) issues.push({ field: 'cvr', code: c.code === 'format' ? 'cvr_format' : 'cvr_check_digit', message: c.message });
  }
  if (input.municipalityCode !== null) {
    const c = checkMunicipalityCode(input.municipalityCode);
    if (!c.ok) issues.push({ field: 'municipalityCode', code: 'invalid_format', message: c.message });
  }
  return issues;
}

/**
 * An organisation an administrator creates or changes: its identifiers pass their checks and are
 * not another organisation's; a hospital department names its hospital (and only a department
 * has a parent); a municipal unit names its municipality; only a GP clinic has a ydernummer.
 */
export function checkOrganisation(input: OrganisationInput, facts: OrganisationFacts): FieldIssue[] {
  const issues = checkIdentifiers(input);
  const add = (field: string, code: FieldIssue['code'], message: string, params?: FieldIssue['params']) =>
    issues.push({ field, code, message, ...(params && { params }) });

  if (input.kind === 'hospital_department') {
    if (input.parentId === null) add('parentId', 'required', 'a hospital department names its hospital');
    else if (input.parentId === facts.selfId || facts.parentKind !== 'hospital') add('parentId', 'parent_not_hospital', 'is not an active hospital');
  } else if (input.parentId !== null) {
    add('parentId', 'parent_department_only', 'only a hospital department belongs to a hospital');
  }
  if (input.kind === 'municipal_unit' && input.municipalityCode === null) add('municipalityCode', 'required', 'a municipal unit names its municipality');
  if (input.municipalityCode !== null && checkMunicipalityCode(input.municipalityCode).ok && !facts.municipalityKnown) {
    add('municipalityCode', 'unknown_municipality', 'is not a known municipality');
  }
  if (input.ydernummer !== null && input.kind !== 'gp_clinic') add('ydernummer', 'ydernummer_gp_only', 'only a GP clinic has a ydernummer');
  if (facts.before?.kind === 'hospital' && input.kind !== 'hospital' && facts.before.hasDepartments) {
    add('kind', 'has_departments', 'the hospital has departments, so it stays a hospital');
  }

  // Each identifier is one organisation's: name the one that has it, so the administrator finds it.
  for (const key of ['sorCode', 'gln', 'ydernummer'] as const) {
    const value = input[key];
    const holder = value === null ? undefined : facts.holders.find((h) => h[key] === value);
    if (holder) add(key, 'identifier_taken', `is already the ${key} of ${holder.name}`, { name: holder.name });
  }
  return issues;
}

/** Both a SOR code and a GLN: MedCom messages can be addressed to it and sent from it. */
export function isAddressable(o: { sorCode: string | null; gln: string | null }): boolean {
  return o.sorCode !== null && o.gln !== null;
}

/** A FHIR identifier as a MedCom message carries it. */
export type Identifier = { system: string; value: string };

/**
 * The identifier a message names an organisation by, as a look-up: a SOR code, or a GLN under
 * either system (`https://www.gs1.org/gln` up to DK-core 3.4.0, `http://www.gs1.org/gln` from
 * 3.5.0) — the GLN is its 13 digits either way. Undefined for any other system.
 */
export function lookupKeyOf(identifier: { system?: string; value?: string }): { sorCode: string } | { gln: string } | undefined {
  const value = identifier.value?.trim();
  if (!value) return undefined;
  if (identifier.system === identifierSystem.sor) return { sorCode: value };
  if (isGlnSystem(identifier.system)) return { gln: value };
  return undefined;
}

/**
 * The organisation's identifiers as DK-core and MedCom name them: SOR code, GLN (under the system
 * the target guide expects — `https://www.gs1.org/gln` for CareCommunication 5.0.x, which pins
 * DK-core 3.4.0), CVR and ydernummer. Not the municipality code: DK-core's Kommunekode identifies
 * a municipality itself, and the column says where a clinic or unit lies.
 */
export function organisationIdentifiers(
  o: { sorCode: string | null; gln: string | null; cvr: string | null; ydernummer: string | null },
  glnSystem: typeof identifierSystem.gln | typeof identifierSystem.glnBefore350,
): Identifier[] {
  return [
    ...(o.sorCode !== null ? [{ system: identifierSystem.sor, value: o.sorCode }] : []),
    ...(o.gln !== null ? [{ system: glnSystem, value: o.gln }] : []),
    ...(o.cvr !== null ? [{ system: identifierSystem.cvr, value: o.cvr }] : []),
    ...(o.ydernummer !== null ? [{ system: identifierSystem.ydernummer, value: o.ydernummer }] : []),
  ];
}
