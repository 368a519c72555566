const danishCalendar = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/**
 * The Danish calendar date (YYYY-MM-DD) of an instant, whatever the browser's time zone. The one
 * way the web turns a timestamp from the API (`…T23:30:00.000Z`) into a day: cutting the ISO text
 * to its first ten characters gives the UTC day, a day early between midnight and 01:00 (02:00 in summer).
 */
export function danishDateOf(instant: string | Date): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return danishCalendar.format(at);
}
