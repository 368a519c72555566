import type { GpClinicInput } from '@samkraft/contracts/organisations';
import type { FieldIssue } from '../../platform/errors.ts';

/** What the check needs from the database: the kind of the chosen organisation, if one is chosen. */
export type GpClinicFacts = { chosenKind: string | undefined };

/**
 * A GP clinic is either chosen (a known clinic, nothing else given) or new: its name and at least
 * one of its numbers (ydernummer, SOR code), so the closing note can be addressed to it.
 * `at` is the field path of the GP in the body (`gp`), so each issue names its field.
 */
export function checkGpClinicInput(input: GpClinicInput, facts: GpClinicFacts, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.organisationId !== undefined) {
    if (facts.chosenKind === undefined) issues.push({ field: `${at}.organisationId`, code: 'unknown_organisation', message: 'is not a known organisation' });
    else if (facts.chosenKind !== 'gp_clinic') issues.push({ field: `${at}.organisationId`, code: 'not_gp_clinic', message: 'is not a GP clinic' });
    for (const key of ['name', 'ydernummer', 'sorCode', 'address', 'phone'] as const) {
      if (input[key] !== undefined) issues.push({ field: `${at}.${key}`, code: 'invalid', message: 'give either a known clinic or a new one, not both' });
    }
    return issues;
  }
  if (!input.name) issues.push({ field: `${at}.name`, code: 'required', message: 'is required for a new GP clinic' });
  if (!input.ydernummer && !input.sorCode) issues.push({ field: `${at}.ydernummer`, code: 'gp_identifier_required', message: 'give the clinic’s ydernummer or SOR code' });
  return issues;
}
