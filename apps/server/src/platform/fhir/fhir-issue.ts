export type FhirIssueSource = 'medplum' | 'fhirjs' | 'primitives';

/** One finding of a base R4 validator, in one shape whichever validator found it. */
export type FhirIssue = { source: FhirIssueSource; severity: 'error' | 'warning'; expression: string; message: string };
