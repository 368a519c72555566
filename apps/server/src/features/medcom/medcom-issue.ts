import type { FhirIssue } from '../../platform/fhir/fhir-issue.ts';
import type { InvariantFailure } from '../../platform/fhir/fhirpath.ts';
import type { IssueDetailsCode } from './medcom-terminology.ts';

/** OperationOutcome.issue.code (http://hl7.org/fhir/issue-type) of the issues MedCom messages report. */
export type IssueType =
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'code-invalid'
  | 'not-found'
  | 'not-supported'
  | 'duplicate'
  | 'transient'
  | 'processing'
  | 'informational';

/**
 * One thing wrong with (or worth saying about) a MedCom message: what an Acknowledgement's
 * OperationOutcome carries. `code` is MedCom's or HL7's error code for issue.details.coding,
 * `expression` FHIRPath to the element, `key` the profile rule or invariant broken; the texts are
 * Danish and English and never hold a CPR number.
 */
export type MedcomIssue = {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  type: IssueType;
  code: IssueDetailsCode;
  key: string;
  expression: string;
  da: string;
  en: string;
};

// A CPR or replacement CPR (ten characters, the last four may be letters, a dash after the sixth allowed).
const CPR_LIKE = /(?<![0-9A-Za-z])[0-9]{6}-?[0-9][0-9A-Z]{3}(?![0-9A-Za-z])/g;

/** The text with anything that looks like a CPR number replaced: validator messages may quote values. */
export const withoutCpr = (text: string) => text.replace(CPR_LIKE, '[CPR]');

export function medcomIssue(type: IssueType, code: IssueDetailsCode, key: string, expression: string, da: string, en: string, severity: MedcomIssue['severity'] = 'error'): MedcomIssue {
  return { severity, type, code, key, expression, da: withoutCpr(da), en: withoutCpr(en) };
}

/** The error code and issue type a base R4 validator's finding is reported with (MedCom gives no table; this follows its code list's wording). */
function classify(issue: FhirIssue): { type: IssueType; code: IssueDetailsCode; da: string } {
  const text = issue.message;
  if (/not found in value set|invalid code|code .* not/i.test(text)) return { type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'værdien findes ikke i værdisættet' };
  if (/unique|duplicate/i.test(text)) return { type: 'duplicate', code: 'MSG_DUPLICATE_ID', da: 'det samme findes to gange' };
  if (/constraint .* not met/i.test(text)) return { type: 'invariant', code: 'MSG_BAD_FORMAT', da: 'en regel i FHIR R4 er ikke overholdt' };
  if (/date|instant|timezone/i.test(text)) return { type: 'value', code: 'MSG_DATE_FORMAT', da: 'dato eller tidspunkt har forkert format' };
  if (/not a valid id/i.test(text)) return { type: 'value', code: 'MSG_ID_INVALID', da: 'id har ugyldige tegn eller længde' };
  if (/unexpected property|additional property/i.test(text)) return { type: 'structure', code: 'MSG_BAD_FORMAT', da: 'elementet kendes ikke' };
  if (/missing required|required|minimum|at least/i.test(text)) return { type: 'required', code: 'MSG_RESOURCE_REQUIRED', da: 'et påkrævet element mangler' };
  if (/narrative|xhtml/i.test(text)) return { type: 'value', code: 'MSG_BAD_FORMAT', da: 'narrativ tekst er ikke gyldig XHTML' };
  if (/empty/i.test(text)) return { type: 'value', code: 'MSG_BAD_FORMAT', da: 'en værdi er tom' };
  if (/type|format/i.test(text)) return { type: 'value', code: 'MSG_Datatype_Wrong', da: 'værdien har forkert datatype eller format' };
  return { type: 'structure', code: 'MSG_BAD_FORMAT', da: 'beskeden overholder ikke FHIR R4' };
}

/** A base R4 validator's finding as a MedCom issue. */
export function fromFhirIssue(issue: FhirIssue): MedcomIssue {
  const { type, code, da } = classify(issue);
  const where = issue.expression || 'Bundle';
  return medcomIssue(
    type,
    code,
    `base-r4:${issue.source}`,
    where,
    `FHIR R4 (${issue.source}): ${da} ved ${where} — ${issue.message}`,
    `FHIR R4 (${issue.source}): ${issue.message} at ${where}`,
    issue.severity,
  );
}

/** How a profile's invariants are reported: each key's error code, issue type and Danish text. */
export type InvariantReport = { code: IssueDetailsCode; type: IssueType; da: string };

/** An invariant failure as a MedCom issue. */
export function fromInvariantFailure(failure: InvariantFailure, report: InvariantReport | undefined): MedcomIssue {
  const why = failure.outcome === 'false' ? '' : failure.outcome === 'empty' ? ' (no answer)' : ` (not evaluable: ${failure.detail ?? ''})`;
  const hvorfor = failure.outcome === 'false' ? '' : failure.outcome === 'empty' ? ' (intet svar)' : ' (kan ikke evalueres)';
  return medcomIssue(
    report?.type ?? 'invariant',
    report?.code ?? 'MSG_RESOURCE_REQUIRED',
    failure.key,
    failure.location,
    `${failure.key}: ${report?.da ?? failure.human}${hvorfor}`,
    `${failure.key}: ${failure.human}${why}`,
    failure.severity,
  );
}

/** Issues with the same rule at the same place said once (a rule may be checked both by FHIRPath and by hand). */
export function uniqueIssues(issues: MedcomIssue[]): MedcomIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = `${issue.key}\u0000${issue.expression}\u0000${issue.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export const isError = (issue: MedcomIssue) => issue.severity === 'error' || issue.severity === 'fatal';
