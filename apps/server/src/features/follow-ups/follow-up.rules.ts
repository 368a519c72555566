import type { FollowUpSuggestion } from '@samkraft/contracts/follow-ups';
import type { FieldIssue } from '../../platform/errors.ts';

/**
 * Days between follow-up conversations. Note §8.9 leaves the frequency to an individual
 * assessment and §12.2 asks for closer contact with particularly vulnerable citizens without
 * a number; these are the collaboration's working assumption (every 4 weeks, every 2 weeks when
 * vulnerable), kept here as data so a municipality's practice can replace them.
 */
export const FOLLOW_UP_INTERVAL_DAYS = { standard: 28, vulnerable: 14 } as const;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The suggested date of the next follow-up: one interval after the last held conversation (or
 * after today when none was held yet), never before today.
 */
export function suggestNextFollowUp(f: { vulnerable: boolean; heldOn: (string | null)[]; today: string }): FollowUpSuggestion {
  const intervalDays = f.vulnerable ? FOLLOW_UP_INTERVAL_DAYS.vulnerable : FOLLOW_UP_INTERVAL_DAYS.standard;
  const lastHeld = f.heldOn.filter((d): d is string => d !== null).sort().at(-1);
  if (!lastHeld) return { intervalDays, suggestedOn: addDays(f.today, intervalDays), basis: 'today' };
  const fromLast = addDays(lastHeld, intervalDays);
  return { intervalDays, suggestedOn: fromLast < f.today ? f.today : fromLast, basis: 'last_held' };
}

export function checkSchedule(f: { plannedOn: string; today: string }): FieldIssue[] {
  return f.plannedOn < f.today ? [{ field: 'plannedOn', code: 'past_date', message: 'must not be in the past' }] : [];
}

export function checkHeld(f: { heldOn: string; today: string }): FieldIssue[] {
  return f.heldOn > f.today ? [{ field: 'heldOn', code: 'future_date', message: 'must not be in the future' }] : [];
}
