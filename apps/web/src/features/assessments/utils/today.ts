/** Today's calendar date in Denmark as `YYYY-MM-DD` — the date the server checks against. */
export function danishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}
