import type { FieldIssue } from '../../platform/errors.ts';
import { danishDate } from '../../platform/clock.ts';

/** A contact is recorded after it happened, within the course: not before receipt, not ahead of today. */
export function checkContact(
  input: { contactedOn: string; reached: boolean; agreedAssessmentAt?: string | undefined },
  facts: { today: string; receivedOn: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.contactedOn > facts.today) issues.push({ field: 'contactedOn', code: 'future_date', message: `must not be in the future (today is ${facts.today})` });
  if (input.contactedOn < facts.receivedOn) issues.push({ field: 'contactedOn', code: 'before_received', message: `must not be before the referral was received (${facts.receivedOn})` });
  if (input.agreedAssessmentAt !== undefined) {
    if (!input.reached) issues.push({ field: 'agreedAssessmentAt', code: 'requires_reached', message: 'can only be agreed when the citizen was reached' });
    else if (danishDate(new Date(input.agreedAssessmentAt)) < input.contactedOn) {
      issues.push({ field: 'agreedAssessmentAt', code: 'before_contact', message: 'must not be before the contact' });
    }
  }
  return issues;
}

/** The preparation form is sent after the referral arrived and never ahead of today. */
export function checkPreparationFormSent(sentOn: string, facts: { today: string; receivedOn: string }): FieldIssue[] {
  if (sentOn > facts.today) return [{ field: 'sentOn', code: 'future_date', message: `must not be in the future (today is ${facts.today})` }];
  if (sentOn < facts.receivedOn) return [{ field: 'sentOn', code: 'before_received', message: `must not be before the referral was received (${facts.receivedOn})` }];
  return [];
}

