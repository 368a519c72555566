import { fhirIssueCodeOf, httpStatusOf, type AppError } from '../../platform/errors.ts';
import { narrative } from './fhir-narrative.ts';
import type { OperationOutcome, OperationOutcomeIssue } from './fhir-types.ts';

/*
 * Errors as FHIR's OperationOutcome with the HTTP status the JSON API gives the same error. The
 * diagnostics are the services' English messages (never a CPR number: no service puts one in a
 * message); the details a Danish text for the user.
 */

const danish: Record<AppError['code'], string> = {
  validation: 'Forespørgslen er ikke gyldig.',
  unauthenticated: 'Log ind først.',
  invalid_credentials: 'Log ind først.',
  forbidden: 'Du har ikke adgang til dette.',
  assurance_level: 'Dit login er på et lavere sikringsniveau (NSIS), end borgernes oplysninger kræver.',
  not_found: 'Findes ikke.',
  conflict: 'Konflikt med det, der allerede er gemt.',
  csrf: 'Sessionens sikkerhedstoken mangler.',
  rate_limited: 'For mange forespørgsler; prøv igen om lidt.',
  unavailable: 'Databasen kan ikke nås lige nu; prøv igen om lidt.',
  internal: 'Der skete en fejl på serveren.',
};

/** A refused parameter in Danish, for the user (the English message stays in `diagnostics`). */
function fieldDa(field: string, code: string): string {
  switch (code) {
    case 'unknown_field':
      return `Ukendt parameter: ${field}`;
    case 'required':
      return `Parameteren ${field} mangler eller er tom`;
    case 'duplicate':
      return `Parameteren ${field} er angivet mere end én gang`;
    default:
      return `Parameteren ${field} har en ugyldig værdi`;
  }
}

export function outcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    text: narrative('Fejl', issues.map((i): [string, string] => [i.expression?.join(', ') ?? i.code, i.details?.text ?? i.diagnostics ?? ''])),
    issue: issues,
  };
}

/** An AppError as its HTTP status and OperationOutcome: one issue per named field (a search parameter), else one for the error. */
export function outcomeOfAppError(err: AppError): { status: number; body: OperationOutcome } {
  const code = fhirIssueCodeOf[err.code];
  const details = { text: danish[err.code] };
  const issues: OperationOutcomeIssue[] =
    err.fields.length > 0
      ? err.fields.map((f) => ({
          severity: 'error',
          code: f.code === 'unknown_field' ? 'not-supported' : code,
          details: { text: fieldDa(f.field, f.code) },
          diagnostics: `${f.field}: ${f.message}`,
          expression: [f.field],
        }))
      : [{ severity: 'error', code, details, diagnostics: err.message }];
  return { status: httpStatusOf[err.code], body: outcome(issues) };
}

/** An error the API does not know more about than its status (an unknown route, a server error). */
export function outcomeOfStatus(status: number, code: string, text: string): { status: number; body: OperationOutcome } {
  return { status, body: outcome([{ severity: 'error', code, details: { text }, diagnostics: text }]) };
}
