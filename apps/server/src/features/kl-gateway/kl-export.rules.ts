import type { FieldIssue } from '../../platform/errors.ts';

/** The longest period one export covers: a year (a delivery is normally a day's, a week's or a month's). */
export const MAX_EXPORT_DAYS = 366;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The period's problems, each naming its field: it ends after it starts, by today, within a year,
 * and — for an incremental delivery — not before the last delivery's period ended (the reports
 * are built as of the period's last day: an earlier day would send older states as changes).
 */
export function checkExportPeriod(p: { from: string; to: string; mode: 'incremental' | 'full' }, today: string, lastTo: string | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.to < p.from) issues.push({ field: 'to', code: 'before_start', message: 'must not be before from' });
  else if (dayNumber(p.to) - dayNumber(p.from) + 1 > MAX_EXPORT_DAYS) issues.push({ field: 'to', code: 'range_too_long', message: `a period is at most ${MAX_EXPORT_DAYS} days` });
  if (p.to > today) issues.push({ field: 'to', code: 'future_date', message: 'must not be after today' });
  if (p.mode === 'incremental' && lastTo !== null && p.to < lastTo) {
    issues.push({ field: 'to', code: 'before_last_export', message: `the last delivery covered up to ${lastTo}: an incremental delivery may not end before it (choose full to send everything again)`, params: { lastTo } });
  }
  return issues;
}
