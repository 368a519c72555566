import { cprFieldErrorCode, parseCpr } from '@samkraft/contracts/cpr';
import { identifierSystem, isGlnSystem } from '@samkraft/contracts/identifiers';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { isUuid } from './fhir-ids.rules.ts';
import type { FhirResourceType } from './fhir-types.ts';
import { personIdentifierSystems } from './patient.mapper.ts';

/*
 * The search parameters each resource type takes — exactly those the CapabilityStatement lists —
 * read from the query string. Anything else is refused with the parameter named (a server that
 * ignored an unknown parameter would answer a wider search than was asked, about citizens).
 */

/** A citizen's identifier as searched: the system if given (one of the person systems) and the normalised value. */
export type PersonIdentifier = { system: string | null; value: string };
export type PatientCriterion = { by: 'reference'; citizenId: string } | { by: 'identifier'; identifier: PersonIdentifier };
export type OrganisationIdentifier = { system: string | null; value: string };

export type CompartmentType = Exclude<FhirResourceType, 'Patient' | 'Organization'>;

export type SearchRequest =
  | { type: 'Patient'; identifier: PersonIdentifier }
  | { type: 'Organization'; identifier: OrganisationIdentifier | null }
  | { type: CompartmentType; patient: PatientCriterion; page: { count: number; offset: number } };

export type SearchParamDoc = { name: string; type: 'token' | 'reference' | 'number'; documentation: string };

const patientParams: SearchParamDoc[] = [
  { name: 'patient', type: 'reference', documentation: 'The citizen: Patient/<id>. Required (or patient.identifier).' },
  { name: 'patient.identifier', type: 'token', documentation: 'The citizen by CPR or replacement CPR: urn:oid:1.2.208.176.1.2|<cpr>. Required (or patient).' },
];
const pageParams: SearchParamDoc[] = [
  { name: '_count', type: 'number', documentation: 'Events per page, newest first: 1–500 (default 100).' },
  { name: '_offset', type: 'number', documentation: 'Events to skip (for the next page).' },
];

/** Every parameter each type takes (the CapabilityStatement is made from this). */
export const searchParams: Record<FhirResourceType, SearchParamDoc[]> = {
  Patient: [{ name: 'identifier', type: 'token', documentation: 'CPR or replacement CPR: urn:oid:1.2.208.176.1.2|<cpr> (X-eCPR, D-eCPR systems too). Required.' }],
  Organization: [{ name: 'identifier', type: 'token', documentation: 'SOR, GLN, ydernummer or municipality code, as system|value (or a value of any of them). Without it: all.' }],
  ServiceRequest: patientParams,
  Task: patientParams,
  CarePlan: patientParams,
  Goal: patientParams,
  QuestionnaireResponse: patientParams,
  Communication: patientParams,
  Appointment: patientParams,
  Encounter: patientParams,
  AuditEvent: [...patientParams, ...pageParams],
};

/** Parameters every type takes: the format, JSON only. */
const generalParams = new Set(['_format']);
const jsonFormats = new Set(['json', 'application/json', 'application/fhir+json']);

const organisationSystems: readonly string[] = [identifierSystem.sor, identifierSystem.ydernummer, identifierSystem.gln, identifierSystem.glnBefore350, identifierSystem.municipality];

const issue = (field: string, code: FieldIssue['code'], message: string): FieldIssue => ({ field, code, message });

/** `system|value`, `|value` or `value` (FHIR token syntax; a `\|` is a literal bar). */
function splitToken(raw: string): { system: string | null; value: string } {
  const at = raw.search(/(?<!\\)\|/);
  if (at < 0) return { system: null, value: raw.replace(/\\\|/g, '|') };
  return { system: raw.slice(0, at) || null, value: raw.slice(at + 1).replace(/\\\|/g, '|') };
}

/** A citizen's identifier; the message never repeats the value (it may be a CPR number). */
function personIdentifier(field: string, raw: string, issues: FieldIssue[]): PersonIdentifier | null {
  const { system, value } = splitToken(raw);
  if (system !== null && !personIdentifierSystems.includes(system)) {
    issues.push(issue(field, 'invalid_value', `the system must be CPR (${identifierSystem.cpr}) or a replacement CPR system (X-eCPR, D-eCPR)`));
    return null;
  }
  const parsed = parseCpr(value);
  if (!parsed.ok) {
    issues.push(issue(field, cprFieldErrorCode[parsed.code], 'the value is not a CPR number or replacement CPR (10 characters)'));
    return null;
  }
  return { system, value: parsed.cpr.value };
}

function patientReference(field: string, raw: string, issues: FieldIssue[]): string | null {
  // Patient/<id>, a bare id, or an absolute URL ending in Patient/<id>.
  const id = /^(?:(?:https?:\/\/[^?#\s]+\/)?Patient\/)?([0-9a-f-]{36})$/.exec(raw)?.[1];
  if (!id || !isUuid(id)) {
    issues.push(issue(field, 'invalid_format', 'must be a reference to a Patient: Patient/<id>'));
    return null;
  }
  return id;
}

function wholeNumber(field: string, raw: string, min: number, max: number, issues: FieldIssue[]): number | null {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    issues.push(issue(field, 'out_of_range', `must be a whole number from ${min} to ${max}`));
    return null;
  }
  return Number(raw);
}

/**
 * The search a query string asks for, or a validation error naming every parameter at fault:
 * unknown ones, repeated ones, empty ones, bad values, and a missing required one.
 */
export function parseSearch(type: FhirResourceType, query: Record<string, unknown>): SearchRequest {
  const known = new Set(searchParams[type].map((p) => p.name));
  const issues: FieldIssue[] = [];
  const values = new Map<string, string>();
  for (const [name, raw] of Object.entries(query)) {
    if (!known.has(name) && !generalParams.has(name)) {
      issues.push(issue(name, 'unknown_field', `is not a search parameter of ${type} here; known: ${[...known].join(', ')}`));
    } else if (Array.isArray(raw)) {
      issues.push(issue(name, 'duplicate', 'is given more than once'));
    } else if (typeof raw !== 'string' || raw.trim() === '') {
      issues.push(issue(name, 'required', 'has no value'));
    } else {
      values.set(name, raw.trim());
    }
  }
  const format = values.get('_format');
  if (format !== undefined && !jsonFormats.has(format)) issues.push(issue('_format', 'invalid_value', 'only JSON is served (json, application/fhir+json)'));

  const done = <T extends SearchRequest>(request: T | null): T => {
    if (issues.length > 0 || request === null) throw AppError.validation(issues, `Search parameters refused: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    return request;
  };

  switch (type) {
    case 'Patient': {
      const raw = values.get('identifier');
      if (raw === undefined) {
        if (!issues.some((i) => i.field === 'identifier')) issues.push(issue('identifier', 'required', 'a citizen is searched by identifier (CPR or replacement CPR)'));
        return done(null);
      }
      const identifier = personIdentifier('identifier', raw, issues);
      return done(identifier && { type, identifier });
    }
    case 'Organization': {
      const raw = values.get('identifier');
      if (raw === undefined) return done({ type, identifier: null });
      const token = splitToken(raw);
      if (token.system !== null && !organisationSystems.includes(token.system)) {
        issues.push(issue('identifier', 'invalid_value', 'the system must be SOR, GLN, ydernummer or the municipality code system'));
      }
      return done({ type, identifier: token.system !== null && isGlnSystem(token.system) ? { system: identifierSystem.gln, value: token.value } : token });
    }
    case 'ServiceRequest':
    case 'Task':
    case 'CarePlan':
    case 'Goal':
    case 'QuestionnaireResponse':
    case 'Communication':
    case 'Appointment':
    case 'Encounter':
    case 'AuditEvent': {
      const reference = values.get('patient');
      const identifierRaw = values.get('patient.identifier');
      let patient: PatientCriterion | null = null;
      if (reference !== undefined && identifierRaw !== undefined) {
        issues.push(issue('patient', 'invalid_value', 'give patient or patient.identifier, not both'));
      } else if (reference !== undefined) {
        const citizenId = patientReference('patient', reference, issues);
        if (citizenId) patient = { by: 'reference', citizenId };
      } else if (identifierRaw !== undefined) {
        const identifier = personIdentifier('patient.identifier', identifierRaw, issues);
        if (identifier) patient = { by: 'identifier', identifier };
      } else if (!issues.some((i) => i.field === 'patient' || i.field === 'patient.identifier')) {
        issues.push(issue('patient', 'required', `a search of ${type} names the citizen: patient or patient.identifier`));
      }
      const countRaw = values.get('_count');
      const offsetRaw = values.get('_offset');
      const count = countRaw === undefined ? 100 : wholeNumber('_count', countRaw, 1, 500, issues);
      const offset = offsetRaw === undefined ? 0 : wholeNumber('_offset', offsetRaw, 0, 999_999, issues);
      return done(patient && count !== null && offset !== null ? { type, patient, page: { count, offset } } : null);
    }
  }
}

/** Parameters a read takes: only the format. */
export function checkReadParams(query: Record<string, unknown>): void {
  const issues: FieldIssue[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if (!generalParams.has(name)) issues.push(issue(name, 'unknown_field', 'a read takes no parameter but _format'));
    else if (typeof raw !== 'string' || !jsonFormats.has(raw.trim())) issues.push(issue(name, 'invalid_value', 'only JSON is served (json, application/fhir+json)'));
  }
  if (issues.length > 0) throw AppError.validation(issues);
}
