/**
 * Today's date in Denmark as the Danish UI writes it (`4. 12. 2026`), computed here from the
 * clock the run uses (pinned or real) rather than by the app, so a test never hard-codes the day
 * it was written on.
 */
export function danishDateText(at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return `${part('day')}. ${part('month')}. ${part('year')}`;
}
